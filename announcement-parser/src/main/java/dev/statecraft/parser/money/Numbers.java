package dev.statecraft.parser.money;

import java.math.BigDecimal;
import java.util.Locale;

/** Reads written numbers such as "1,200", "2.5" with a scale word ("billion", "bn", "m"). */
final class Numbers {
    static final String NUMBER = "(\\d{1,3}(?:,\\d{3}){1,5}|\\d{1,15})(?![\\d,]\\d)(?:\\.(\\d{1,6}))?";
    static final String SCALE = "(trillion|billion|million|thousand|bn|tn|mn|m|k)";

    private Numbers() {
    }

    static BigDecimal value(String integerPart, String fraction, String scale) {
        String digits = integerPart.replace(",", "") + (fraction == null ? "" : "." + fraction);
        BigDecimal value = new BigDecimal(digits).multiply(multiplier(scale));
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal multiplier(String scale) {
        if (scale == null) {
            return BigDecimal.ONE;
        }
        return switch (scale.toLowerCase(Locale.ROOT)) {
            case "trillion", "tn" -> new BigDecimal("1000000000000");
            case "billion", "bn" -> new BigDecimal("1000000000");
            case "million", "mn", "m" -> new BigDecimal("1000000");
            case "thousand", "k" -> new BigDecimal("1000");
            default -> BigDecimal.ONE;
        };
    }
}
