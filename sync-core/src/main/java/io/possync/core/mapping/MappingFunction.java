package io.possync.core.mapping;

import java.util.List;

/**
 * A Java function a host registers by name so mapping expressions can call it, for logic JSONata
 * cannot express or should not (exact money arithmetic, a lookup in the host's own database).
 * Arguments and the result are plain JSON values: {@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean} or null. A function that throws rejects the record being mapped.
 *
 * <pre>{@code
 * Mapping m = mapping
 *         .withFunction("debtorNumber", args -> "D" + args.get(0))
 *         .override("number", "$debtorNumber(sourceRef.id)");
 * }</pre>
 */
@FunctionalInterface
public interface MappingFunction {

    /** The function's result for {@code arguments}. */
    Object apply(List<Object> arguments);
}
