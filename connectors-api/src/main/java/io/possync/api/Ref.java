package io.possync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * Points at one record in one system: how every record is named across systems.
 *
 * <pre>{@code
 * Ref source = new Ref("lightspeed", EntityType.CUSTOMER, "77");
 * Ref target = new Ref("businesscentral", EntityType.CUSTOMER, "5d115c9c-44e3-ea11-bb43-000d3a2feca1");
 * }</pre>
 *
 * @param system the connector's system name, e.g. {@code lightspeed}
 * @param type   the entity type
 * @param id     the record's id in that system
 */
public record Ref(@NotBlank String system, @NotNull EntityType type, @NotBlank String id) {

    /** Checks that no component is null or blank. */
    public Ref {
        requireText(system, "system");
        Objects.requireNonNull(type, "type");
        requireText(id, "id");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Ref." + name + " must not be blank");
        }
    }

    /** {@code system:TYPE:id}, the form used in logs and reports. */
    @Override
    public String toString() {
        return system + ":" + type + ":" + id;
    }
}
