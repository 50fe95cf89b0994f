package io.possync.core.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.possync.api.ConfigurationException;
import io.possync.api.FieldMode;
import io.possync.api.FieldRule;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.internal.Json;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.core.mapping.internal.MappingDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How canonical records become target fields: the target connector's default field rules, the
 * host's overrides of single fields, value maps, and Java functions the host registers by name.
 * Immutable: every change returns a new mapping.
 *
 * <pre>{@code
 * Mapping mapping = Mapping.of(businessCentral.customers().defaultMapping())
 *         .withValueMap(ValueMap.builder("paymentTerms").row("webshop", "14D").defaultValue("30D").build())
 *         .override("paymentTermsId", "$valueMap('paymentTerms', customFields.channel)")
 *         .override("displayName", "$uppercase(companyName)")
 *         .createOnly("displayName");
 * mapping.reset("displayName");   // back to the connector's default
 * String json = mapping.toJson(); // store per tenant; Mapping.fromJson(json, defaults, functions) restores it
 * }</pre>
 *
 * <p>Expressions are JSONata over the canonical record as JSON (its {@code raw} included). Extra
 * functions: {@code $valueMap(name, key)} and every registered {@link MappingFunction}. Note that
 * JSONata computes with doubles: amounts passed through are exact, but computed amounts should be
 * rounded ({@code $round(x, 2)}) or computed by a registered Java function.
 *
 * <p>{@link #validate()} (and the engine, when a flow is built) reports an expression that does not
 * parse, calls an unknown function, or names an unknown value map as a {@link ConfigurationException}
 * naming the field.
 */
public final class Mapping {

    private final MappingDefaults defaults;
    private final Map<String, FieldRule> overrides;
    private final Set<String> omitted;
    private final Map<String, ValueMap> valueMaps;
    private final Map<String, MappingFunction> functions;

    private Mapping(MappingDefaults defaults, Map<String, FieldRule> overrides, Set<String> omitted,
                    Map<String, ValueMap> valueMaps, Map<String, MappingFunction> functions) {
        this.defaults = defaults;
        this.overrides = Collections.unmodifiableMap(overrides);
        this.omitted = Collections.unmodifiableSet(omitted);
        this.valueMaps = Collections.unmodifiableMap(valueMaps);
        this.functions = Collections.unmodifiableMap(functions);
    }

    /** The connector's defaults, with nothing overridden. */
    public static Mapping of(MappingDefaults defaults) {
        return new Mapping(Objects.requireNonNull(defaults, "defaults"), new LinkedHashMap<>(), new LinkedHashSet<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /**
     * Restores a mapping stored with {@link #toJson()} on top of {@code defaults}, with the host's
     * {@code functions}.
     *
     * @throws ConfigurationException when the JSON is not a stored mapping
     */
    public static Mapping fromJson(String json, MappingDefaults defaults, Map<String, MappingFunction> functions) {
        MappingDocument doc;
        try {
            doc = Json.MAPPER.readValue(json, MappingDocument.class);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("mapping", "the stored mapping is not valid JSON of a mapping ("
                    + e.getOriginalMessage() + ")", e);
        }
        Mapping m = of(defaults);
        Map<String, ValueMap> maps = new LinkedHashMap<>();
        doc.valueMaps().forEach(v -> maps.put(v.name(), v));
        Mapping restored = new Mapping(m.defaults, new LinkedHashMap<>(), new LinkedHashSet<>(), maps, new LinkedHashMap<>(functions));
        for (Map.Entry<String, FieldRule> o : doc.overrides().entrySet()) {
            restored = restored.override(o.getKey(), o.getValue().expression(), o.getValue().mode());
        }
        for (String field : doc.omitted()) {
            restored = restored.omit(field);
        }
        return restored;
    }

    /** This mapping's overrides and value maps as JSON (not the defaults, not the functions). */
    public String toJson() {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    new MappingDocument(overrides, new ArrayList<>(omitted), new ArrayList<>(valueMaps.values())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mapping could not be written as JSON", e);
        }
    }

    /** Sets {@code field} to {@code expression}, keeping the field's mode (create-and-update for a new field). */
    public Mapping override(String field, String expression) {
        FieldMode mode = effectiveRule(field).map(FieldRule::mode).orElse(defaults.field(field).filter(MappableField::onlyOnCreate)
                .isPresent() ? FieldMode.CREATE_ONLY : FieldMode.CREATE_AND_UPDATE);
        return override(field, expression, mode);
    }

    /**
     * Sets {@code field} to {@code expression} with {@code mode}.
     *
     * @throws ConfigurationException when the sink does not write {@code field} (the message lists the
     *         fields it writes), or {@code mode} is create-only for a field the sink writes every time
     */
    public Mapping override(String field, String expression, FieldMode mode) {
        MappableField declared = requireField(field);
        if (mode == FieldMode.CREATE_ONLY && !declared.createOnlyAllowed()) {
            throw new ConfigurationException("mapping." + field, "the " + defaults.sink() + " sink writes " + field
                    + " on every write; it cannot be create-only");
        }
        if (mode == FieldMode.CREATE_AND_UPDATE && declared.onlyOnCreate()) {
            throw new ConfigurationException("mapping." + field, "the " + defaults.sink() + " sink writes " + field
                    + " only when it creates a record; the mapping cannot change it on update");
        }
        Map<String, FieldRule> o = new LinkedHashMap<>(overrides);
        o.put(field, new FieldRule(expression, mode));
        Set<String> om = new LinkedHashSet<>(omitted);
        om.remove(field);
        return new Mapping(defaults, o, om, new LinkedHashMap<>(valueMaps), new LinkedHashMap<>(functions));
    }

    /** Makes {@code field} create-only, so updates leave the target's value alone. */
    public Mapping createOnly(String field) {
        FieldRule rule = effectiveRule(field).orElseThrow(() ->
                new ConfigurationException("mapping." + field, "there is no such field to make create-only"));
        return override(field, rule.expression(), FieldMode.CREATE_ONLY);
    }

    /** Leaves {@code field} out of every write. */
    public Mapping omit(String field) {
        if (requireField(field).required()) {
            throw new ConfigurationException("mapping." + field, "the " + defaults.sink() + " sink needs " + field
                    + " to create a record; override it instead of leaving it out");
        }
        Map<String, FieldRule> o = new LinkedHashMap<>(overrides);
        o.remove(field);
        Set<String> om = new LinkedHashSet<>(omitted);
        om.add(field);
        return new Mapping(defaults, o, om, new LinkedHashMap<>(valueMaps), new LinkedHashMap<>(functions));
    }

    /** Returns {@code field} to the connector's default (removing it if the default has no such field). */
    public Mapping reset(String field) {
        Map<String, FieldRule> o = new LinkedHashMap<>(overrides);
        o.remove(field);
        Set<String> om = new LinkedHashSet<>(omitted);
        om.remove(field);
        return new Mapping(defaults, o, om, new LinkedHashMap<>(valueMaps), new LinkedHashMap<>(functions));
    }

    /** Returns every field to the connector's defaults; value maps and functions stay. */
    public Mapping resetAll() {
        return new Mapping(defaults, new LinkedHashMap<>(), new LinkedHashSet<>(), new LinkedHashMap<>(valueMaps),
                new LinkedHashMap<>(functions));
    }

    /** Adds or replaces a value map. */
    public Mapping withValueMap(ValueMap map) {
        Map<String, ValueMap> v = new LinkedHashMap<>(valueMaps);
        v.put(map.name(), map);
        return new Mapping(defaults, new LinkedHashMap<>(overrides), new LinkedHashSet<>(omitted), v,
                new LinkedHashMap<>(functions));
    }

    /** Registers {@code function} as {@code $name(...)}. */
    public Mapping withFunction(String name, MappingFunction function) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigurationException("mapping.functions", "a function name must be a plain identifier, was '" + name + "'");
        }
        if (CompiledMapping.isReservedFunction(name)) {
            throw new ConfigurationException("mapping.functions", "'" + name + "' is a built-in function and cannot be replaced");
        }
        Map<String, MappingFunction> f = new LinkedHashMap<>(functions);
        f.put(name, Objects.requireNonNull(function, "function"));
        return new Mapping(defaults, new LinkedHashMap<>(overrides), new LinkedHashSet<>(omitted),
                new LinkedHashMap<>(valueMaps), f);
    }

    /** The rules in force: defaults, then overrides, minus omitted fields. */
    public Map<String, FieldRule> effectiveFields() {
        Map<String, FieldRule> fields = new LinkedHashMap<>(defaults.fields());
        fields.putAll(overrides);
        omitted.forEach(fields::remove);
        return Collections.unmodifiableMap(fields);
    }

    /** The connector's defaults. */
    public MappingDefaults defaults() {
        return defaults;
    }

    /** The host's overrides. */
    public Map<String, FieldRule> overrides() {
        return overrides;
    }

    /** Fields left out of writes. */
    public Set<String> omitted() {
        return omitted;
    }

    /** Value maps by name. */
    public Map<String, ValueMap> valueMaps() {
        return valueMaps;
    }

    /** Registered functions by name. */
    public Map<String, MappingFunction> functions() {
        return functions;
    }

    /**
     * Checks every expression now.
     *
     * @throws ConfigurationException naming the first field whose expression does not parse, calls an
     *         unknown function, or names an unknown value map
     */
    public Mapping validate() {
        CompiledMapping.compile(this);
        return this;
    }

    private java.util.Optional<FieldRule> effectiveRule(String field) {
        return java.util.Optional.ofNullable(effectiveFields().get(field));
    }

    private MappableField requireField(String field) {
        if (field == null || field.isBlank()) {
            throw new ConfigurationException("mapping", "a field name must not be blank");
        }
        return defaults.field(field).orElseThrow(() -> new ConfigurationException("mapping." + field, "the "
                + defaults.sink() + " sink has no field '" + field + "'; it writes " + String.join(", ",
                defaults.mappable().keySet())));
    }
}
