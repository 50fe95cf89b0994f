package io.possync.core.summary;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.Page;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.api.Shipping;
import io.possync.api.Source;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source of one order per shop, day and currency — the day's sales summed per tax rate — made
 * from a source of single orders. Many shops book cash sales this way: one receipt per till and day
 * instead of one per sale.
 *
 * <pre>{@code
 * Source<Order> days = DailySummaries.builder(lightspeed.sales())
 *         .zone(ZoneId.of("Europe/Berlin")).closeAfter(Duration.ofHours(2)).build();
 * Flow.orders("daily-cash").from(days).to(butler.receipts()).defaultDebtor("10000").build();
 * }</pre>
 *
 * <p>A day is summarised once it is closed: its end in the zone plus {@code closeAfter} has passed,
 * so late sales of the evening are in. Until then its orders are read again on every run, because
 * the cursor stays before the first of them; a day is summarised from every order created on it that
 * the source has by then. An order of a day already summarised (changed after its day closed) is not
 * summarised again: refunds at a till are new sales on the day they happen. A summary's number is the
 * day ({@code yyyyMMdd}) and the shop ({@code store}, else {@code POS}), its lines are one per tax rate
 * with the gross total (prices include tax), its payments one per method, its shipping the day's
 * shipping; it has no customer, so the flow's default debtor takes it. Thread-safe.
 */
public final class DailySummaries implements Source<Order> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int READ_PAGE = 500;
    private static final String SEPARATOR = "\u001f";

    private final Source<Order> orders;
    private final ZoneId zone;
    private final Duration closeAfter;
    private final Clock clock;
    private final Map<String, Order> made = new ConcurrentHashMap<>();

    private DailySummaries(Builder b) {
        this.orders = b.orders;
        this.zone = b.zone;
        this.closeAfter = b.closeAfter;
        this.clock = b.clock;
    }

    /** A builder summarising {@code orders}. */
    public static Builder builder(Source<Order> orders) {
        return new Builder(orders);
    }

    @Override
    public String system() {
        return orders.system();
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        String[] state = cursor.isInitial() ? new String[] {"", ""} : cursor.value().split(SEPARATOR, -1);
        Cursor start = Cursor.of(state[0]);
        Optional<LocalDate> summarisedThrough = state[1].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(state[1]));
        LocalDate lastClosed = lastClosedDay();

        TreeMap<String, Summary> summaries = new TreeMap<>();
        Cursor firstOpen = null;
        Cursor at = start;
        while (true) {
            Page<Order> page = orders.changesSince(at, READ_PAGE);
            for (Order o : page.records()) {
                LocalDate day = LocalDate.ofInstant(o.createdAt(), zone);
                if (summarisedThrough.isPresent() && !day.isAfter(summarisedThrough.get())) {
                    continue;
                }
                if (day.isAfter(lastClosed)) {
                    firstOpen = firstOpen == null ? at : firstOpen;
                    continue;
                }
                summaries.computeIfAbsent(key(o, day), k -> new Summary(day, o.store().orElse("POS"), o.currency())).add(o);
            }
            Cursor next = page.next();
            if (!page.hasMore() || next.equals(at)) {
                at = next;
                break;
            }
            at = next;
        }

        List<Order> out = new ArrayList<>();
        LocalDate through = summarisedThrough.orElse(null);
        boolean more = false;
        for (Summary s : summaries.values()) {
            if (out.size() >= limit && !s.day.equals(through)) {
                more = true;
                break;
            }
            Order order = s.toOrder(system(), zone);
            made.put(order.sourceRef().id(), order);
            out.add(order);
            through = s.day;
        }
        if (!more) {
            through = summarisedThrough.map(d -> d.isAfter(lastClosed) ? d : lastClosed).orElse(lastClosed);
        }
        Cursor resume = more ? start : firstOpen != null ? firstOpen : at;
        return new Page<>(out, Cursor.of(resume.value() + SEPARATOR + through), more);
    }

    /** A summary this source made; after a restart, the day is summed again from the source's start. */
    @Override
    public Optional<Order> fetch(String id) {
        Order known = made.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        String[] parts = id.split(":", 4);
        if (parts.length != 4 || !parts[0].equals("summary")) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.parse(parts[1], DAY);
        Summary s = new Summary(day, parts[2], parts[3]);
        Cursor at = Cursor.initial();
        while (true) {
            Page<Order> page = orders.changesSince(at, READ_PAGE);
            for (Order o : page.records()) {
                if (LocalDate.ofInstant(o.createdAt(), zone).equals(day) && o.store().orElse("POS").equals(parts[2])
                        && o.currency().equals(parts[3])) {
                    s.add(o);
                }
            }
            if (!page.hasMore() || page.next().equals(at)) {
                break;
            }
            at = page.next();
        }
        return s.count == 0 ? Optional.empty() : Optional.of(s.toOrder(system(), zone));
    }

    private LocalDate lastClosedDay() {
        return LocalDate.ofInstant(clock.instant().minus(closeAfter), zone).minusDays(1);
    }

    private static String key(Order o, LocalDate day) {
        return day + "|" + o.store().orElse("POS") + "|" + o.currency();
    }

    /** The running totals of one shop's day in one currency. */
    private static final class Summary {
        final LocalDate day;
        final String store;
        final String currency;
        final TreeMap<BigDecimal, BigDecimal> grossByRate = new TreeMap<>();
        final TreeMap<String, BigDecimal> paidByMethod = new TreeMap<>();
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        Instant modifiedAt = Instant.EPOCH;
        int count;

        Summary(LocalDate day, String store, String currency) {
            this.day = day;
            this.store = store;
            this.currency = currency;
        }

        void add(Order o) {
            for (OrderLine line : o.lines()) {
                grossByRate.merge(line.taxRate().stripTrailingZeros(), line.gross(o.pricesIncludeTax()), BigDecimal::add);
            }
            shipping = shipping.add(o.shippingGross());
            o.payments().forEach(p -> paidByMethod.merge(p.method(), p.amount(), BigDecimal::add));
            net = net.add(o.totals().net());
            tax = tax.add(o.totals().tax());
            gross = gross.add(o.totals().gross());
            modifiedAt = o.modifiedAt().isAfter(modifiedAt) ? o.modifiedAt() : modifiedAt;
            count++;
        }

        Order toOrder(String system, ZoneId zone) {
            String number = (DAY.format(day) + "-" + store);
            number = number.length() > 35 ? number.substring(0, 35) : number;
            List<OrderLine> lines = new ArrayList<>();
            grossByRate.forEach((rate, sum) -> lines.add(OrderLine.of("summary-" + rate.toPlainString(),
                    "Sales of " + day + " at " + rate.toPlainString() + " %", BigDecimal.ONE, sum, rate)));
            List<Payment> payments = new ArrayList<>();
            paidByMethod.forEach((method, sum) -> payments.add(new Payment(method, sum)));
            return Order.builder(new Ref(system, EntityType.ORDER, "summary:" + DAY.format(day) + ":" + store + ":" + currency),
                            number, modifiedAt)
                    .kind(OrderKind.INVOICE).status(OrderStatus.COMPLETED)
                    .createdAt(day.atTime(12, 0).atZone(zone).toInstant())
                    .currency(currency).pricesIncludeTax(true).store(store)
                    .lines(lines).payments(payments)
                    .shipping(shipping.signum() == 0 ? null : new Shipping("summary", shipping))
                    .totals(new OrderTotals(net, tax, gross))
                    .customFields(Map.of("orders", String.valueOf(count), "day", day.toString()))
                    .build();
        }
    }

    /** Builds {@link DailySummaries}. */
    public static final class Builder {
        private final Source<Order> orders;
        private ZoneId zone = ZoneId.systemDefault();
        private Duration closeAfter = Duration.ofHours(2);
        private Clock clock = Clock.systemUTC();

        private Builder(Source<Order> orders) {
            this.orders = Objects.requireNonNull(orders, "orders");
        }

        /** The shops' time zone, which decides an order's day (default the system's). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** How long after midnight a day is still open for late sales (default 2 hours). */
        public Builder closeAfter(Duration d) {
            if (Objects.requireNonNull(d, "closeAfter").isNegative()) {
                throw new IllegalArgumentException("closeAfter must not be negative, was " + d);
            }
            this.closeAfter = d;
            return this;
        }

        /** The clock that says which days are closed. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source. */
        public DailySummaries build() {
            return new DailySummaries(this);
        }
    }
}
