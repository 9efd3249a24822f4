package io.aftercare.problem;

import java.util.List;

/** Thrown by services to answer with a problem; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.problem = Problem.of(type, detail);
    }

    private ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** Answers with this problem as it stands, e.g. one a set-wise step found for one item of many. */
    public static ProblemException of(Problem problem) {
        return new ProblemException(problem);
    }

    public static ProblemException invalid(List<FieldViolation> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldViolation(field, reason)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public Problem problem() {
        return problem;
    }
}
