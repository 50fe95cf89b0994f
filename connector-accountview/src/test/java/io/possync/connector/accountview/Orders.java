package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.Shipping;
import io.possync.api.internal.Json;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Orders as the engine hands them to a sink: mapped with a mapping, with their customer's link. */
public final class Orders {

    private Orders() {
    }

    /** A paid sale of two ART001 at 12.10 and shipping of 4.95, to the Netherlands. */
    public static Order sale(String number) {
        return Order.builder(new Ref("pos", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z")).currency("EUR")
                .pricesIncludeTax(true).billingAddress(Address.builder().street("Damrak").houseNumber("1").postalCode("1012 LG")
                        .city("Amsterdam").country("NL").build())
                .lines(List.of(OrderLine.of("ART001", "Voorbeeldartikel", new BigDecimal("2"), new BigDecimal("12.10"), new BigDecimal("21"))))
                .shipping(new Shipping("PostNL", new BigDecimal("4.95")))
                .totals(new OrderTotals(new BigDecimal("24.09"), new BigDecimal("5.06"), new BigDecimal("29.15"))).build();
    }

    public static MappedRecord<Order> mapped(Order order, Mapping mapping, String debtor) {
        ObjectNode json = Json.MAPPER.valueToTree(order);
        ObjectNode links = json.putObject("links");
        links.put("customerId", debtor);
        links.putObject("products");
        return new MappedRecord<>(order, CompiledMapping.compile(mapping).apply(json, order.sourceRef(), false));
    }

    public static MappedRecord<Order> mapped(Order order, MappingDefaults defaults) {
        return mapped(order, Mapping.of(defaults), "10001");
    }
}
