package io.possync.core.internal;

import io.possync.api.CanonicalRecord;
import io.possync.api.RecordRejectedException;
import io.possync.core.internal.validation.ConstraintPlan;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks canonical records against their jakarta.validation constraints. Violations name the
 * field path and the rule, never the offending value (it may be personal data). A valid record is
 * recognised by a {@link ConstraintPlan}; Hibernate Validator describes the violations of the rest.
 */
public final class RecordValidator {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static final ConstraintPlan PLAN = new ConstraintPlan(VALIDATOR);

    private RecordValidator() {
    }

    /** The rejection for {@code record}'s violations, or empty when it is valid. */
    public static Optional<RecordRejectedException> check(CanonicalRecord record) {
        if (PLAN.certainlyValid(record)) {
            return Optional.empty();
        }
        Set<ConstraintViolation<CanonicalRecord>> violations = VALIDATOR.validate(record);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        List<ConstraintViolation<CanonicalRecord>> sorted = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList();
        String first = path(sorted.get(0));
        String reason = sorted.stream().map(v -> path(v) + " " + v.getMessage()).distinct().collect(Collectors.joining("; "));
        return Optional.of(RecordRejectedException.builder("invalid: " + reason)
                .record(record.sourceRef()).fieldPath(first).build());
    }

    private static String path(ConstraintViolation<?> v) {
        return v.getPropertyPath().toString().replace(".<optional element>", "").replace("<optional element>", "")
                .replace(".<list element>", "").replace(".<map value>", "");
    }
}
