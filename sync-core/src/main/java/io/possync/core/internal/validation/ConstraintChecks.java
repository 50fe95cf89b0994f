package io.possync.core.internal.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One jakarta.validation constraint as a plain check that answers "valid?", exactly as Hibernate
 * Validator decides it: the built-in constraints possync's model uses are written out from Hibernate
 * Validator's validators, custom ones call their own {@link ConstraintValidator}, and Hibernate
 * Validator's e-mail check is called as it is. A constraint not listed here is {@link Unsupported}.
 */
final class ConstraintChecks {

    /** The constraint cannot be checked here; its bean is left to Hibernate Validator. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private ConstraintChecks() {
    }

    /** The check of {@code constraint} and of the constraints it is composed of. */
    static Predicate<Object> of(ConstraintDescriptor<?> constraint) throws Unsupported {
        if (!constraint.getGroups().equals(Set.of(Default.class))) {
            throw new Unsupported("groups " + constraint.getGroups());
        }
        List<Predicate<Object>> checks = new ArrayList<>();
        checks.add(own(constraint));
        for (ConstraintDescriptor<?> composing : constraint.getComposingConstraints()) {
            checks.add(of(composing));
        }
        if (checks.size() == 1) {
            return checks.get(0);
        }
        return v -> {
            for (Predicate<Object> c : checks) {
                if (!c.test(v)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<Object> own(ConstraintDescriptor<?> constraint) throws Unsupported {
        Annotation a = constraint.getAnnotation();
        Map<String, Object> attributes = constraint.getAttributes();
        switch (a.annotationType().getName()) {
            case "jakarta.validation.constraints.NotNull":
                return v -> v != null;
            case "jakarta.validation.constraints.NotBlank":
                return v -> v instanceof CharSequence s && !s.toString().trim().isEmpty();
            case "jakarta.validation.constraints.NotEmpty":
                return v -> v != null && size(v) > 0;
            case "jakarta.validation.constraints.Size": {
                int min = (Integer) attributes.get("min");
                int max = (Integer) attributes.get("max");
                return v -> {
                    if (v == null) {
                        return true;
                    }
                    int n = size(v);
                    return n >= min && n <= max;
                };
            }
            case "jakarta.validation.constraints.Digits": {
                int integer = (Integer) attributes.get("integer");
                int fraction = (Integer) attributes.get("fraction");
                return v -> {
                    if (v == null) {
                        return true;
                    }
                    BigDecimal d = decimal(v);
                    int integerPart = d.precision() - d.scale();
                    int fractionPart = Math.max(d.scale(), 0);
                    return integer >= integerPart && fraction >= fractionPart;
                };
            }
            case "jakarta.validation.constraints.PositiveOrZero":
                return v -> v == null || sign(v) >= 0;
            case "jakarta.validation.constraints.Positive":
                return v -> v == null || sign(v) > 0;
            case "jakarta.validation.constraints.Pattern": {
                int flags = 0;
                for (jakarta.validation.constraints.Pattern.Flag f : (jakarta.validation.constraints.Pattern.Flag[]) attributes.get("flags")) {
                    flags |= f.getValue();
                }
                Pattern p = Pattern.compile((String) attributes.get("regexp"), flags);
                return v -> v == null || p.matcher((CharSequence) v).matches();
            }
            case "jakarta.validation.constraints.Email":
                return validatorCall(hibernateEmailValidator(), a);
            default: {
                List<? extends Class<? extends ConstraintValidator<?, ?>>> custom = constraint.getConstraintValidatorClasses();
                if (custom.size() != 1 || a.annotationType().getName().startsWith("jakarta.validation.")) {
                    throw new Unsupported(a.annotationType().getName());
                }
                return validatorCall(custom.get(0), a);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate<Object> validatorCall(Class<?> type, Annotation a) throws Unsupported {
        ConstraintValidator validator;
        try {
            validator = (ConstraintValidator) type.getDeclaredConstructor().newInstance();
            validator.initialize(a);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Unsupported("validator " + type.getName() + ": " + e);
        }
        return v -> {
            try {
                return validator.isValid(v, null);
            } catch (RuntimeException e) {
                return false; // it wanted a context to describe a violation: Hibernate Validator reports it
            }
        };
    }

    private static Class<?> hibernateEmailValidator() throws Unsupported {
        try {
            return Class.forName("org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator");
        } catch (ClassNotFoundException e) {
            throw new Unsupported("e-mail validator");
        }
    }

    private static int size(Object v) {
        if (v instanceof CharSequence s) {
            return s.length();
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new IllegalArgumentException(v.getClass().getName()); // caught by the plan: Hibernate Validator decides
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return new BigDecimal(v.toString()).stripTrailingZeros();
        }
        throw new IllegalArgumentException(v.getClass().getName());
    }

    private static int sign(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Long.signum(((Number) v).longValue());
        }
        throw new IllegalArgumentException(v.getClass().getName());
    }
}
