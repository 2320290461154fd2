package dev.statecraft.support.problem;

/** Thrown anywhere in a request to answer with that problem. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(Problem.of(400, slug, "Bad request", detail));
    }

    public static ProblemException invalidParameter(String parameter, String detail) {
        return new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter", detail)
                .withParameter(parameter));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }
}
