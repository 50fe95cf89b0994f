package io.possync.core.mapping.internal.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.MappingDefaults;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.ValueMap;
import io.possync.core.mapping.internal.CompiledMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Direct evaluation is specified by the JSONata interpreter: for every construct it takes on, over
 * hundreds of generated records of varied shape, it yields what JSONata yields (numbers compared by
 * value) or defers to JSONata.
 */
class DirectExpressionTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final Ref REF = new Ref("pos", EntityType.ORDER, "1");
    private static final String GUID = "/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-/";

    /** Every construct direct evaluation takes on, and the default mappings of the connectors. */
    private static final List<String> EXPRESSIONS = List.of(
            "number", "customer.email", "customer.contactPerson.firstName", "lines", "lines.sku", "lines[0].sku",
            "lines[-1].quantity", "categories[0].segments[-1]", "links.products", "$$.links.customerId", "$.number",
            "'POS-' & number", "'a' & lines.quantity[0]", "number & '/' & store", "quantityTotal & ''",
            "$substring(createdAt, 0, 10)", "$substring(number, 2)", "$substring(number, -3)", "$substring(number, -3, 2)",
            "$substring(number, 1, 0)", "$substring(customer.contactPerson.lastName, 0, 3)",
            "$substring('Shipping ' & shipping.method, 0, 100)", "$substringBefore(customer.email, '@')",
            "$contains(links.customerId, " + GUID + ")", "$not($contains(links.customerId, " + GUID + "))",
            "$contains(links.customerId, " + GUID + ") ? links.customerId",
            "$not($contains(links.customerId, " + GUID + ")) ? links.customerId", "$contains(customer.email, 'EXAMPLE')",
            "$contains(customer.email, /example/i)", "$lowercase(customer.email)", "$uppercase(currency)",
            "$string(taxTotal)", "$string(lines[0].taxRate)", "$string(published)", "$exists(customer)",
            "$boolean(customer.companyName)", "$not(published)", "$count(lines)", "$count(payments.method)",
            "$sum(lines.discount)", "$round($sum(lines.discount), 2)", "$round(shipping.cost)", "$round(taxTotal, 1)",
            "$join([customer.contactPerson.firstName, customer.contactPerson.lastName], ' ')",
            "$join(lines.sku, ',')", "$join(lines.sku)",
            "$replace(customer.contactPerson.lastName, ' ', '-')",
            "$substring($uppercase($replace(categories[0].segments[-1], ' ', '-')), 0, 20)",
            "categories[0] ? $substring($uppercase($replace(categories[0].segments[-1], ' ', '-')), 0, 20)",
            "$lookup({'NL': 'S21', 'BE': 'B21'}, billingAddress.country)", "$lookup(links.products, lines[0].sku)",
            "kind = 'COMPANY' ? 'Company' : 'Person'", "customer.kind = 'COMPANY' ? customer.companyName",
            "(customer.kind = 'COMPANY' and customer.companyName) ? customer.companyName"
                    + " : $join([customer.contactPerson.firstName, customer.contactPerson.lastName], ' ')",
            "customer.phone ? customer.phone : ''", "shipping.cost > 0", "shipping.cost >= 4.95", "lines[0].quantity < 2",
            "number <= 'S5'", "published = true", "lines[0].taxRate = 21", "currency != 'EUR'", "customer = null",
            "shipping.cost > 0 or published", "$exists(shipping) and shipping.cost > 0",
            "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')",
            "[lines.{'sku': sku, 'quantity': quantity, 'unitPrice': unitPrice, 'discountAmount': discount}]",
            "lines.{'sku': sku}", "[payments.{'method': method, 'amount': amount}]",
            "[lines.{'sku': sku, 'itemID': $lookup($$.links.products, sku), 'unitQuantity': quantity}]",
            "{'number': number, 'store': store, 'nothing': nowhere}", "[number, store, [1, 2], lines.sku]", "[]",
            "$append([lines.sku], [])", "$append(lines.sku, 'X')", "$append(nowhere, lines[0].sku)",
            "-1", "1.50", "true", "null", "\"it's\"", "\"double \\\"quoted\\\" \\u00e9\"",
            "$valueMap('payments', payments[0].method)", "$valueMap('rates', lines[0].taxRate)",
            "($x := number; $y := $x & '-' & store; $y)", "($x := lines; $count($x))",
            "($country := billingAddress.country ? billingAddress.country : (customer.billingAddress.country"
                    + " ? customer.billingAddress.country : 'NL'); $country)",
            linesExpression(true), linesExpression(false));

    /** Business Central's default invoice lines (connector-businesscentral), with and without shipping accounts. */
    private static String linesExpression(boolean shippingAccounts) {
        String items = "[lines.{'lineType': 'Item', 'lineObjectNumber': sku, 'description': description, 'quantity': quantity,"
                + " 'unitPrice': unitPrice, 'discountAmount': discount, 'taxCode': $lookup({'NL:21': 'H', 'NL:9': 'L',"
                + " 'BE:21': 'BH'}, $country & ':' & $string(taxRate))}]";
        String shipping = shippingAccounts ? "(shipping.cost > 0 and $account) ? [{'lineType': 'Account', 'lineObjectNumber':"
                + " $account, 'description': $substring('Shipping ' & shipping.method, 0, 100), 'quantity': 1, 'unitPrice':"
                + " shipping.cost}] : []" : "[]";
        return "($country := billingAddress.country ? billingAddress.country : (customer.billingAddress.country"
                + " ? customer.billingAddress.country : 'NL'); $account := $lookup({'NL': '8100', 'BE': '8110'}, $country);"
                + " $account := $account ? $account : $lookup({'*': '8190'}, '*'); $append(" + items + ", " + shipping + "))";
    }

    @Test
    void everyConstructCompilesDirectly() {
        for (String e : EXPRESSIONS) {
            assertThat(DirectExpression.compile(e)).as(e).isPresent();
        }
    }

    @Test
    void directEvaluationYieldsWhatJsonataYields() {
        Random random = new Random(42);
        int deferred = 0;
        int compared = 0;
        for (int i = 0; i < 300; i++) {
            ObjectNode record = record(random, i);
            for (String e : EXPRESSIONS) {
                Mapping mapping = mapping(e);
                JsonNode expected;
                try {
                    expected = CompiledMapping.compile(mapping, false).apply(record, REF, false).get("v");
                } catch (RecordRejectedException jsonataFailed) {
                    assertThatThrownBy(() -> DirectExpression.compile(e).orElseThrow().evaluate(record, this::valueMap))
                            .as("%s over %s fails in JSONata: %s", e, record, jsonataFailed.getMessage())
                            .isInstanceOf(Deferred.class);
                    deferred++;
                    continue;
                }
                JsonNode actual;
                try {
                    actual = DirectExpression.compile(e).orElseThrow().evaluate(record, this::valueMap);
                } catch (Deferred d) {
                    deferred++;
                    continue;
                }
                compared++;
                assertThat(same(actual, expected)).as("%s over %s: direct %s, JSONata %s", e, record, actual, expected)
                        .isTrue();
            }
        }
        assertThat(compared).isGreaterThan(20 * deferred);
    }

    @Test
    void aDeferredCaseIsEvaluatedByJsonataWithItsError() {
        ObjectNode record = JSON.objectNode().put("number", 12);

        assertThatThrownBy(() -> DirectExpression.compile("$substring(number, 0, 1)").orElseThrow()
                .evaluate(record, this::valueMap)).isInstanceOf(Deferred.class);
        assertThatThrownBy(() -> CompiledMapping.compile(mapping("$substring(number, 0, 1)")).apply(record, REF, false))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("mapping expression failed");
    }

    @Test
    void whatDirectEvaluationDoesNotTakeOnStaysWithJsonata() {
        for (String e : List.of("quantity * unitPrice", "lines[quantity > 1].sku", "lines.(sku & quantity)",
                "$map(lines, function($l) { $l.sku })", "lines ~> $count()", "$$.lines#$i.sku", "`odd name`",
                "lines^(sku)", "a ?: b", "$now()", "$string", "$x", "lines{sku: quantity}", "[1..3]")) {
            assertThat(DirectExpression.compile(e)).as(e).isEmpty();
        }
        ObjectNode record = JSON.objectNode().put("quantity", 2).put("unitPrice", new BigDecimal("1.25"));
        assertThat(CompiledMapping.compile(mapping("quantity * unitPrice")).apply(record, REF, false).get("v").decimalValue())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void anIndexAfterAParenthesisedPathTakesThatItemOfTheWholeSequence() {
        ObjectNode record = JSON.objectNode();
        record.putArray("lines").add(JSON.objectNode().put("sku", "A").put("taxCode", "H"))
                .add(JSON.objectNode().put("sku", "B").put("taxCode", "L"));

        assertThat(DirectExpression.compile("(lines.sku)[0]").orElseThrow().evaluate(record, this::valueMap).asText()).isEqualTo("A");
        assertThat(DirectExpression.compile("(lines.taxCode)[1]").orElseThrow().evaluate(record, this::valueMap).asText()).isEqualTo("L");
        assertThat(DirectExpression.compile("(lines.sku)[-1]").orElseThrow().evaluate(record, this::valueMap).asText()).isEqualTo("B");
        assertThat(CompiledMapping.compile(mapping("(lines.sku)[0]"), false).apply(record, REF, false).get("v").asText()).isEqualTo("A");
    }

    @Test
    void aNullInsideAConstructedObjectIsKeptByBothEvaluators() {
        ObjectNode record = JSON.objectNode().putNull("discount");
        Mapping m = mapping("{'d': discount}");

        assertThat(CompiledMapping.compile(m, true).apply(record, REF, false).get("v").toString()).isEqualTo("{\"d\":null}");
        assertThat(CompiledMapping.compile(m, false).apply(record, REF, false).get("v").toString()).isEqualTo("{\"d\":null}");
    }

    @Test
    void aTopLevelNullLeavesTheFieldOutInBothEvaluators() {
        ObjectNode record = JSON.objectNode().putNull("discount");

        for (boolean direct : List.of(true, false)) {
            assertThat(CompiledMapping.compile(mapping("discount"), direct).apply(record, REF, false).has("v")).isFalse();
            assertThat(CompiledMapping.compile(mapping("null"), direct).apply(record, REF, false).has("v")).isFalse();
        }
    }

    @Test
    void whatTheParserCannotReadIsLeftToTheInterpreterInsteadOfFailing() {
        assertThat(DirectExpression.compile("\"\\u123t\"")).isEmpty();
        assertThat(DirectExpression.compile("10e1000")).isEmpty();
    }

    @Test
    void theResultSharesNoContainerWithTheRecord() {
        ObjectNode record = record(new Random(1), 1);

        JsonNode lines = DirectExpression.compile("lines").orElseThrow().evaluate(record, this::valueMap);
        ((ObjectNode) lines.get(0)).put("sku", "changed");

        assertThat(record.get("lines").get(0).get("sku").asText()).isNotEqualTo("changed");
    }

    @Test
    void aValueMapWithoutARowIsTheRecordsFault() {
        ObjectNode record = JSON.objectNode();
        record.putArray("payments").addObject().put("method", "GIFTCARD");
        Mapping m = Mapping.of(MappingDefaults.builder().field("v", "$valueMap('strict', payments[0].method)").build())
                .withValueMap(ValueMap.builder("strict").row("CASH", "KAS").build());

        assertThatThrownBy(() -> CompiledMapping.compile(m).apply(record, REF, false))
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("no row for");
    }

    private String valueMap(String table, Object key) {
        String k = key instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : (String) key;
        return mapping("x").valueMaps().get(table).lookup(k).orElseThrow();
    }

    private static Mapping mapping(String expression) {
        return Mapping.of(MappingDefaults.builder().field("v", expression).build())
                .withValueMap(ValueMap.builder("payments").row("CARD", "BANK").row("CASH", "KAS").defaultValue("BANK").build())
                .withValueMap(ValueMap.builder("rates").row("21", "HIGH").row("9", "LOW").defaultValue("ZERO").build());
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        Comparator<JsonNode> numbersByValue = (x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1;
        return a.equals(numbersByValue, b);
    }

    /** A record of varied shape: fields missing, empty, of other scales, with characters outside ASCII. */
    private static ObjectNode record(Random r, int i) {
        ObjectNode o = JSON.objectNode();
        o.put("number", "S" + i);
        o.put("createdAt", "2026-11-" + (10 + r.nextInt(18)) + "T0" + r.nextInt(10) + ":15:00Z");
        o.put("currency", r.nextInt(5) == 0 ? "USD" : "EUR");
        if (r.nextBoolean()) {
            o.put("store", String.valueOf(r.nextInt(3)));
        }
        o.put("published", r.nextBoolean());
        o.put("kind", r.nextBoolean() ? "COMPANY" : "PERSON");
        o.put("taxTotal", new BigDecimal(pick(r, "0", "3.47", "12.100", "100", "0.05")));
        o.put("quantityTotal", new BigDecimal(pick(r, "1", "2.000", "0.5")));
        if (r.nextInt(4) > 0) {
            ObjectNode c = o.putObject("customer");
            c.put("kind", r.nextBoolean() ? "COMPANY" : "PERSON");
            if (r.nextBoolean()) {
                c.put("companyName", pick(r, "Jansen B.V.", "", "Café Été"));
            }
            ObjectNode p = c.putObject("contactPerson");
            p.put("firstName", pick(r, "Anna", "Jörg", "Zoë"));
            if (r.nextInt(5) > 0) {
                p.put("lastName", pick(r, "de Vries", "Jansen", "O'Neil", "van der Berg"));
            }
            c.put("email", pick(r, "anna@example.com", "Anna.Jansen@EXAMPLE.nl", "zoe@example.org"));
            if (r.nextBoolean()) {
                c.put("phone", "+31 6 1234 56" + r.nextInt(10));
            }
            if (r.nextBoolean()) {
                c.putObject("billingAddress").put("country", pick(r, "NL", "BE", "DE"));
            }
        }
        if (r.nextBoolean()) {
            ObjectNode a = o.putObject("billingAddress");
            a.put("country", pick(r, "NL", "BE", "FR"));
            if (r.nextBoolean()) {
                a.put("street", "Hoofdstraat");
                a.put("houseNumber", String.valueOf(1 + r.nextInt(200)));
                if (r.nextBoolean()) {
                    a.put("numberAddition", "bis");
                }
            }
        }
        ArrayNode lines = o.putArray("lines");
        int n = r.nextInt(6);
        ObjectNode products = JSON.objectNode();
        for (int l = 0; l < n; l++) {
            ObjectNode line = lines.addObject();
            String sku = "SKU-" + r.nextInt(50);
            line.put("sku", sku);
            line.put("description", pick(r, "T-shirt", "Mok \u2615", "Sjaal"));
            line.put("quantity", new BigDecimal(pick(r, "1", "2", "1.000", "0.5")));
            line.put("unitPrice", new BigDecimal(pick(r, "19.95", "19.950", "5", "0.10")));
            if (r.nextBoolean()) {
                line.put("discount", new BigDecimal(pick(r, "0", "1.005", "2.50", "0.125")));
            }
            line.put("taxRate", new BigDecimal(pick(r, "21", "21.00", "9", "0")));
            if (r.nextBoolean()) {
                products.put(sku, String.valueOf(1000 + r.nextInt(9000)));
            }
        }
        if (r.nextBoolean()) {
            ObjectNode s = o.putObject("shipping");
            s.put("method", pick(r, "PostNL", "DHL Express"));
            s.put("cost", new BigDecimal(pick(r, "0", "4.95", "4.950", "12.5")));
        }
        ArrayNode payments = o.putArray("payments");
        for (int p = 0; p < r.nextInt(3); p++) {
            payments.addObject().put("method", pick(r, "CARD", "CASH", "IDEAL")).put("amount", new BigDecimal("10.00"));
        }
        ObjectNode links = o.putObject("links");
        int customerLink = r.nextInt(3);
        if (customerLink == 1) {
            links.put("customerId", "f2a5738a-44e3-ea11-bb43-000d3a2feca" + r.nextInt(10));
        } else if (customerLink == 2) {
            links.put("customerId", "C" + (10000 + r.nextInt(90000)));
        }
        links.set("products", products);
        if (r.nextBoolean()) {
            ArrayNode categories = o.putArray("categories");
            for (int c = 0; c < 1 + r.nextInt(2); c++) {
                ArrayNode segments = categories.addObject().putArray("segments");
                segments.add("Kleding");
                segments.add(pick(r, "T shirts", "Winter jassen", "Accessoires"));
            }
        }
        return o;
    }

    private static String pick(Random r, String... values) {
        List<String> list = new ArrayList<>(List.of(values));
        return list.get(r.nextInt(list.size()));
    }
}
