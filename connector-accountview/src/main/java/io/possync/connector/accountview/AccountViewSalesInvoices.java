package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.FieldMode;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.connector.accountview.internal.AccountViewSession;
import io.possync.connector.accountview.internal.Jsonata;
import io.possync.connector.accountview.internal.MaxLengths;
import io.possync.connector.accountview.internal.Tables;
import io.possync.connector.accountview.internal.WriteBody;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders as invoices booked in the sales journal: one journal page ({@code DJ2}, {@code DJ_PAGE}) per
 * order with one line ({@code DJ_LINE}) per order line on the revenue account of the order's country and
 * the VAT code of its country and rate (settings), and one for shipping costs. The invoice number
 * ({@code INV_NR}, at most 12 characters) is the source's order number: how the invoice is found again,
 * so a lost answer never books it twice. Amounts include VAT when the order's prices do ({@code GROSS_FLG}).
 *
 * <pre>{@code
 * Flow.orders("pos-sales").from(lightspeed.sales()).to(accountView.salesInvoices())
 *         .customers(accountView.debtors()).defaultDebtor("10000").build();
 * }</pre>
 * Thread-safe.
 */
public final class AccountViewSalesInvoices extends AccountViewOrderSink {

    private final MappingDefaults defaults;

    AccountViewSalesInvoices(AccountViewSession session) {
        super(session, "DJ2", "DJ_PAGE", "INV_NR");
        AccountViewSettings s = session.settings();
        String revenue = "($a := $lookup(" + Jsonata.object(s.revenueAccounts()) + ", $country); $a ? $a : $lookup("
                + Jsonata.object(s.revenueAccounts()) + ", '*'))";
        String vat = "($v := $lookup(" + Jsonata.object(s.vatCodes()) + ", $country & '|' & $string(taxRate)); $v ? $v : $lookup("
                + Jsonata.object(s.vatCodes()) + ", '*|' & $string(taxRate)))";
        String shippingAccount = s.shippingAccount().map(Jsonata::quote).orElse(revenue);
        // Shipping is booked at the VAT rate of the order's first line (UNCONFIRMED convention; override the lines to change it).
        String shippingVat = "($r := lines[0].taxRate; $v := $lookup(" + Jsonata.object(s.vatCodes()) + ", $country & '|' & $string($r));"
                + " $v ? $v : $lookup(" + Jsonata.object(s.vatCodes()) + ", '*|' & $string($r)))";
        this.defaults = MappingDefaults.builder("accountview sales invoices")
                .field(MappableField.text("INV_NR").alwaysWritten().maxLength(12).describe("the source's order number; how the invoice"
                        + " is found again"), "number")
                .field(MappableField.text("SUB_NR").maxLength(10).describe("the debtor: the customer's link"), "links.customerId")
                .field(MappableField.text("HDR_DESC").asRequired().maxLength(40), "$substring('possync ' & number, 0, 40)")
                .field(MappableField.bool("GROSS_FLG").describe("amounts include VAT"), "pricesIncludeTax")
                .field(MappableField.text("CUR_CODE").maxLength(3), "currency")
                .mappable(MappableField.text("DISC_CODE").maxLength(2).describe("payment condition (PROPOSAL P-7)"))
                .field(MappableField.list("lines").asRequired().describe("DJ_LINE rows: ACCT_NR (revenue account of the order's country,"
                                + " settings), VAT_CODE (of country and rate, settings), TRN_QTY, PRICE and DISCOUNT (AMOUNT = TRN_QTY × PRICE −"
                                + " DISCOUNT, unless AMOUNT is given), TRN_DESC (≤ 40); shipping costs one more line"),
                        "(" + countryExpression(s) + "; $append([lines.{'ACCT_NR': " + revenue + ", 'VAT_CODE': " + vat
                                + ", 'TRN_QTY': quantity, 'PRICE': unitPrice, 'DISCOUNT': discount, 'TRN_DESC': $substring(description, 0, 40)}],"
                                + " shipping.cost > 0 ? [{'ACCT_NR': " + shippingAccount + ", 'VAT_CODE': " + shippingVat
                                + ", 'TRN_QTY': 1, 'PRICE': shipping.cost, 'TRN_DESC': $substring('Verzendkosten ' & shipping.method, 0, 40)}] : []))",
                        FieldMode.CREATE_ONLY)
                .build();
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    Optional<String> idOf(ObjectNode headerRow) {
        return Optional.ofNullable(headerRow.path("INV_NR").asText(null)).filter(n -> !n.isBlank());
    }

    @Override
    List<String> articles(MappedRecord<Order> record) {
        return List.of();
    }

    @Override
    String articlePath(int index) {
        return "lines[" + index + "]";
    }

    /** The line's {@code AMOUNT} when the mapping gives one, else {@code TRN_QTY × PRICE − DISCOUNT}. */
    private static java.math.BigDecimal amount(Order order, String at, JsonNode line) {
        if (line.hasNonNull("AMOUNT")) {
            return decimal(order, at + "AMOUNT", line.get("AMOUNT"));
        }
        java.math.BigDecimal discount = line.hasNonNull("DISCOUNT") ? decimal(order, at + "DISCOUNT", line.get("DISCOUNT"))
                : java.math.BigDecimal.ZERO;
        return decimal(order, at + "TRN_QTY", line.path("TRN_QTY")).multiply(decimal(order, at + "PRICE", line.path("PRICE")))
                .subtract(discount);
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        Order order = record.record();
        JsonNode f = record.fields();
        Ref src = order.sourceRef();
        AccountViewSettings s = session.settings();
        LocalDate date = LocalDate.ofInstant(order.createdAt(), AccountView.ZONE);
        String number = MaxLengths.check(MaxLengths.DJ_PAGE, "INV_NR", "INV_NR", text(f, "INV_NR"), src);
        if (number.isEmpty()) {
            throw RecordRejectedException.builder("INV_NR is empty").record(src).fieldPath("INV_NR").build();
        }
        WriteBody.Row page = new WriteBody.Row().text("DJ_CODE", s.salesJournal())
                .text("SUB_NR", MaxLengths.check(MaxLengths.DJ_PAGE, "SUB_NR", "SUB_NR", text(f, "SUB_NR"), src))
                .text("INV_NR", number).dateTime("TRN_DATE", date.atStartOfDay(AccountView.ZONE).toInstant())
                .number("PERIOD", java.math.BigDecimal.valueOf(date.getMonthValue()))
                .text("HDR_DESC", MaxLengths.check(MaxLengths.DJ_PAGE, "HDR_DESC", "HDR_DESC", text(f, "HDR_DESC"), src))
                .bool("GROSS_FLG", f.path("GROSS_FLG").asBoolean(order.pricesIncludeTax()))
                .text("CUR_CODE", text(f, "CUR_CODE").isEmpty() ? order.currency() : text(f, "CUR_CODE"));
        if (!text(f, "DISC_CODE").isEmpty()) {
            page.text("DISC_CODE", MaxLengths.check(MaxLengths.DJ_PAGE, "DISC_CODE", "DISC_CODE", text(f, "DISC_CODE"), src));
        }
        if (text(f, "SUB_NR").isEmpty()) {
            throw RecordRejectedException.builder("the invoice has no debtor (SUB_NR): add the customers flow's debtors or a default"
                    + " debtor").record(src).fieldPath("SUB_NR").build();
        }
        List<WriteBody.Row> lines = new ArrayList<>();
        JsonNode mapped = f.path("lines");
        for (int i = 0; i < mapped.size(); i++) {
            JsonNode l = mapped.get(i);
            String at = "lines[" + i + "].";
            String account = text(l, "ACCT_NR");
            if (account.isEmpty()) {
                throw RecordRejectedException.builder("no revenue account for this line: set revenueAccount(country, account) for the"
                        + " order's country or '*'").record(src).fieldPath(at + "ACCT_NR").build();
            }
            String vat = text(l, "VAT_CODE");
            if (vat.isEmpty()) {
                throw RecordRejectedException.builder("no VAT code for this line's country and rate: set vatCode(country, rate, code)")
                        .record(src).fieldPath(at + "VAT_CODE").build();
            }
            lines.add(new WriteBody.Row().text("ACCT_NR", MaxLengths.check(MaxLengths.DJ_LINE, "ACCT_NR", at + "ACCT_NR", account, src))
                    .text("VAT_CODE", MaxLengths.check(MaxLengths.DJ_LINE, "VAT_CODE", at + "VAT_CODE", vat, src))
                    .put("AMOUNT", "Y", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(amount(order, at, l)))
                    .number("TRN_QTY", decimal(order, at + "TRN_QTY", l.path("TRN_QTY")))
                    .text("TRN_DESC", MaxLengths.check(MaxLengths.DJ_LINE, "TRN_DESC", at + "TRN_DESC", text(l, "TRN_DESC"), src))
                    .dateTime("TRN_DATE", date.atStartOfDay(AccountView.ZONE).toInstant()));
        }
        if (lines.isEmpty()) {
            throw RecordRejectedException.builder("the invoice has no lines").record(src).fieldPath("lines").build();
        }
        Tables written = session.write("POST", WriteBody.of("DJ2", order.createdAt(), "DJ_PAGE", page, "DJ_LINE", lines));
        return ref(written.of("DJ_PAGE").stream().findFirst().flatMap(this::idOf).orElse(number));
    }
}
