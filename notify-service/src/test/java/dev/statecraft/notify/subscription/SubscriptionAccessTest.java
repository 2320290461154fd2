package dev.statecraft.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.support.operator.OperatorTokens;
import dev.statecraft.support.problem.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionAccessTest {
    @Test
    void withoutAConfiguredTokenOperatorAccessIsOff() {
        for (Optional<String> unset : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            SubscriptionAccess access = new SubscriptionAccess(new OperatorTokens(unset, Optional.empty()));
            assertThat(access.isOperator("")).isFalse();
            assertThat(access.isOperator("anything")).isFalse();
            assertThatThrownBy(() -> access.requireOperator("Bearer anything"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        }
    }

    @Test
    void operatorTokenMustMatchExactly() {
        SubscriptionAccess access = new SubscriptionAccess(OperatorTokens.of("s3cret-operator"));
        assertThat(access.isOperator("s3cret-operator")).isTrue();
        assertThat(access.isOperator("s3cret-operato")).isFalse();
        access.requireOperator("bearer   s3cret-operator ");
    }

    @Test
    void managementTokenGrantsItsOwnSubscriptionOnly() {
        SubscriptionAccess access = new SubscriptionAccess(new OperatorTokens(Optional.empty(), Optional.empty()));
        String token = ManagementTokens.generate();
        Subscription s = new Subscription();
        s.managementTokenHash = ManagementTokens.hash(token);
        assertThat(s.managementTokenHash).hasSize(64).doesNotContain(token);

        assertThat(access.requireAccess("Bearer " + token, s)).isEqualTo(SubscriptionAccess.Role.SUBSCRIBER);
        assertThatThrownBy(() -> access.requireAccess("Bearer " + ManagementTokens.generate(), s))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> access.requireAccess("Bearer " + token, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> access.requireAccess(token, s)).hasMessageContaining("Bearer");
        assertThatThrownBy(() -> access.requireAccess("Bearer ", s)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> access.requireAccess(null, s)).isInstanceOf(ProblemException.class);
    }
}
