package io.possync.connector.mpluskassa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.internal.MplusConverters;
import io.possync.connector.mpluskassa.internal.MplusSession;
import io.possync.connector.mpluskassa.internal.SyncMarkerFeed;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Relations (MplusKASSA's customers, FACTS.md §4) as a source, by sync marker, and as a sink: found
 * by e-mail ({@code findRelationV2} with an exact match), then {@code createRelation} or
 * {@code updateRelation}. A company is a relation with {@code companyName} and its contact person in
 * {@code contact}; a person a relation with {@code name}. The source's customer id goes to
 * {@code extRelationId}. Thread-safe.
 *
 * <pre>{@code
 * Flow.customers("erp-to-till").from(erp.customers()).to(mplus.relations()).build();
 * }</pre>
 */
public final class MplusRelations extends MplusCapability implements Source<Customer>, Sink<Customer> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("mpluskassa relations")
            .field(MappableField.text("name"), "(kind = 'COMPANY' and companyName) ? companyName"
                    + " : ($n := $join([contactPerson.firstName, contactPerson.lastName], ' '); $n != '' ? $n : email)")
            .field(MappableField.text("address"), "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')")
            .field(MappableField.text("zipcode"), "billingAddress.postalCode")
            .field(MappableField.text("city"), "billingAddress.city")
            .field(MappableField.text("country"), "billingAddress.country")
            .field(MappableField.text("contact"), "kind = 'COMPANY' ? $join([contactPerson.firstName, contactPerson.lastName], ' ')")
            .field(MappableField.text("telephone"), "phone")
            .field(MappableField.text("email"), "email")
            .field(MappableField.text("vatNumber"), "vatNumber")
            .field(MappableField.text("companyName"), "kind = 'COMPANY' ? companyName")
            .mappable(MappableField.number("priceGroupNumber").describe("the relation's price group; map the customer's group to it"
                    + " with a value map, e.g. $valueMap('groups', group)"))
            .mappable(MappableField.object("customFields").describe("the relation's free fields, name → text (customFieldList), e.g."
                    + " {'loyalty': customFields.tier}"))
            .build();
    /** The relation's fields this connector writes, in the schema's sequence order. */
    private static final List<String> ORDER = List.of("name", "address", "zipcode", "city", "country", "contact", "telephone", "email",
            "priceGroupNumber", "vatNumber", "customFields", "companyName");

    private final SyncMarkerFeed<Customer> feed;

    MplusRelations(MplusSession session) {
        super(session);
        this.feed = new SyncMarkerFeed<>(EntityType.CUSTOMER, (marker, limit) -> {
            Element answer = session.read(Xml.el("getRelations").add(Xml.el("request").add("syncMarker", marker)
                    .add("syncMarkerLimit", limit)));
            List<SyncMarkerFeed.Marked<Customer>> rows = new ArrayList<>();
            for (Element list : Xml.children(answer, "relationList")) {
                for (Element r : Xml.children(list, "relation")) {
                    rows.add(SyncMarkerFeed.Marked.of(SyncMarkerFeed.marker(r), Xml.text(r, "relationNumber").orElse(""),
                            () -> MplusConverters.relation(r, session.settings().zone())));
                }
            }
            return rows;
        });
    }

    @Override
    public Page<Customer> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, Math.min(limit, session.settings().connection().pageSize()));
    }

    @Override
    public Optional<Customer> fetch(String relationNumber) {
        if (!relationNumber.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Element answer = session.read(Xml.el("getRelation").add("relationNumber", relationNumber));
        return Xml.child(answer, "relation").filter(r -> MplusSession.result(answer).endsWith("-OK"))
                .map(r -> MplusConverters.relation(r, session.settings().zone()));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.EMAIL);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        if (key.type() != KeyType.EMAIL) {
            return Optional.empty();
        }
        Element answer = session.read(Xml.el("findRelationV2").add(Xml.el("request")
                .add(Xml.el("relation").add("email", key.value())).add("exactMatch", true)));
        if (!MplusSession.result(answer).equals("FIND-RELATION-RESULT-OK")) {
            return Optional.empty();
        }
        return Xml.child(answer, "relation").flatMap(r -> Xml.text(r, "relationNumber")).map(MplusRelations::ref);
    }

    @Override
    public Ref create(MappedRecord<Customer> record) {
        Xml.El relation = relation(record, Optional.empty());
        Element answer = session.write(Xml.el("createRelation").add(relation));
        String result = MplusSession.result(answer);
        if (!result.equals("CREATE-RELATION-RESULT-OK")) {
            throw refused(record, result, answer);
        }
        return ref(Xml.text(answer, "relationNumber").orElse(""));
    }

    @Override
    public Ref update(Ref target, MappedRecord<Customer> record) {
        Element answer = session.write(Xml.el("updateRelation").add(relation(record, Optional.of(target.id()))));
        String result = MplusSession.result(answer);
        if (!result.equals("UPDATE-RELATION-RESULT-OK")) {
            throw refused(record, result, answer);
        }
        return target;
    }

    private static Xml.El relation(MappedRecord<Customer> record, Optional<String> number) {
        ObjectNode f = record.fields();
        Xml.El r = Xml.el("relation").add("relationNumber", number.orElse(null)).add("extRelationId", record.record().sourceRef().id());
        for (String field : ORDER) {
            if (field.equals("customFields")) {
                customFieldList(f.path(field)).ifPresent(r::add);
                continue;
            }
            String v = f.path(field).asText("");
            if (!v.isBlank()) {
                r.add(field, v);
            }
        }
        return r;
    }

    /** The mapped free fields as a {@code customFieldList} of text fields; empty when none are mapped. */
    static Optional<Xml.El> customFieldList(com.fasterxml.jackson.databind.JsonNode fields) {
        if (!fields.isObject() || fields.isEmpty()) {
            return Optional.empty();
        }
        Xml.El list = Xml.el("customFieldList");
        fields.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                list.add(Xml.el("customField").add("fieldName", e.getKey()).add("dataType", "DATA-TYPE-STRING")
                        .add("strValue", e.getValue().asText()));
            }
        });
        return Optional.of(list);
    }

    private static RecordRejectedException refused(MappedRecord<Customer> record, String result, Element answer) {
        return RecordRejectedException.builder("MplusKASSA refused the relation (" + result + "): "
                + Xml.text(answer, "errorMessage").orElse("no message")).record(record.sourceRef()).vendorCode(result).build();
    }

    private static Ref ref(String relationNumber) {
        return new Ref(MplusKassa.SYSTEM, EntityType.CUSTOMER, relationNumber);
    }

}
