package io.possync.connector.buchhaltungsbutler.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.MappedRecord;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.RecordRejectedException;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings.RefundReceipt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order as BuchhaltungsButler books it: an outgoing receipt (invoice number = order number,
 * gross amount, date, counterparty, debtor) and its postings, one per revenue account and VAT key,
 * whose amounts add up to the receipt's. Money is exact: {@link BigDecimal}, two decimals, rounded
 * half up per posting; a rounding difference of a few cents against the order's own total goes to the
 * largest posting, a larger one rejects the order.
 *
 * @param invoiceNumber the receipt's invoice number
 * @param date          the receipt's date
 * @param receipt       the {@code /receipts/addBatch} item
 * @param postings      the postings
 * @param debtor        the debtor account posted against
 */
public record ReceiptPlan(String invoiceNumber, LocalDate date, ObjectNode receipt, List<Posting> postings, long debtor) {

    /** The most the postings may differ from the order's total before the order is rejected. */
    private static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("0.05");
    /** The longest invoice number BuchhaltungsButler takes. */
    public static final int MAX_INVOICE_NUMBER = 60;
    /** The longest posting text BuchhaltungsButler takes. */
    public static final int MAX_POSTING_TEXT = 128;

    /**
     * One posting of a receipt.
     *
     * @param account the posting account
     * @param vatKey  the VAT key, e.g. {@code 19_vat}
     * @param amount  gross amount, two decimals
     * @param text    posting text
     */
    public record Posting(int account, String vatKey, BigDecimal amount, String text) {
    }

    /** The plan for {@code record}; a {@link RecordRejectedException} names the field that cannot be booked. */
    public static ReceiptPlan of(MappedRecord<Order> record, BuchhaltungsButlerSettings settings) {
        Order order = record.record();
        ObjectNode fields = record.fields();
        String number = fields.path("invoice_number").asText(order.number());
        if (number.length() > MAX_INVOICE_NUMBER) {
            throw reject(order, "invoice_number", "the invoice number has " + number.length() + " characters; BuchhaltungsButler allows "
                    + MAX_INVOICE_NUMBER);
        }
        String debtorText = fields.path("debtor").asText("");
        if (debtorText.isEmpty()) {
            throw reject(order, "customer", "no debtor account: the order names no customer and the flow has no default debtor");
        }
        long debtor;
        try {
            debtor = Long.parseLong(debtorText);
        } catch (NumberFormatException e) {
            throw reject(order, "customer", "the debtor account '" + debtorText + "' is not an account number");
        }
        String country = order.billingAddress().map(Address::country)
                .or(() -> order.customer().flatMap(c -> c.billingAddress()).map(Address::country))
                .orElse(settings.homeCountry());
        String text = fields.path("postingtext").asText("");
        if (text.length() > MAX_POSTING_TEXT) {
            throw reject(order, "postingtext", "the posting text has " + text.length() + " characters; BuchhaltungsButler allows "
                    + MAX_POSTING_TEXT);
        }
        String counterparty = fields.path("counterparty").asText("");
        if (counterparty.isBlank()) {
            throw reject(order, "counterparty", "the mapping gave no counterparty; BuchhaltungsButler needs one on every receipt");
        }

        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            BigDecimal rate = line.taxRate();
            int account = settings.revenueAccount(country, rate).orElseThrow(() -> noSetting(order, "revenue account", country, rate));
            String key = settings.vatKey(country, rate).orElseThrow(() -> noSetting(order, "VAT key", country, rate));
            groups.computeIfAbsent(account + "|" + key, k -> new Group(account, key))
                    .add(line.gross(order.pricesIncludeTax()));
        }
        if (order.shipping().isPresent() && order.shipping().get().cost().signum() != 0) {
            BigDecimal rate = order.highestTaxRate();
            BigDecimal gross = order.shippingGross();
            int account = settings.shippingAccount(country).or(() -> settings.revenueAccount(country, rate))
                    .orElseThrow(() -> noSetting(order, "shipping account", country, rate));
            String key = settings.vatKey(country, rate).orElseThrow(() -> noSetting(order, "VAT key", country, rate));
            groups.computeIfAbsent(account + "|" + key, k -> new Group(account, key)).add(gross);
        }

        List<Posting> postings = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Group g : groups.values()) {
            BigDecimal amount = g.gross.setScale(2, RoundingMode.HALF_UP);
            if (amount.signum() != 0) {
                postings.add(new Posting(g.account, g.vatKey, amount, text));
                sum = sum.add(amount);
            }
        }
        BigDecimal total = order.totals().gross().setScale(2, RoundingMode.HALF_UP);
        BigDecimal difference = total.subtract(sum);
        if (difference.abs().compareTo(ROUNDING_TOLERANCE) > 0) {
            if (settings.otherCharges().isEmpty()) {
                throw reject(order, "totals.gross", "the lines and shipping add up to " + sum.toPlainString() + " but the order's total is "
                        + total.toPlainString() + "; if the " + difference.toPlainString() + " is a fee or surcharge no line carries, set"
                        + " otherCharges(account, vatKey) in the BuchhaltungsButler settings to book it");
            }
            // A fee or surcharge the total holds and no line does (e.g. a card fee a till adds): its own posting.
            BuchhaltungsButlerSettings.OtherCharges charges = settings.otherCharges().get();
            postings.add(new Posting(charges.account(), charges.vatKey(), difference, text));
            sum = total;
            difference = BigDecimal.ZERO;
        }
        if (total.signum() == 0) {
            throw reject(order, "totals.gross", "a receipt of 0.00 cannot be booked: BuchhaltungsButler refuses 0.00 amounts");
        }
        if (difference.signum() != 0) {
            int largest = 0;
            for (int i = 1; i < postings.size(); i++) {
                if (postings.get(i).amount().abs().compareTo(postings.get(largest).amount().abs()) > 0) {
                    largest = i;
                }
            }
            Posting p = postings.get(largest);
            postings.set(largest, new Posting(p.account(), p.vatKey(), p.amount().add(difference), p.text()));
        }

        // UNCONFIRMED: how BuchhaltungsButler wants a refund's postings signed; here they carry the receipt's sign.
        boolean creditNote = total.signum() < 0 && settings.refunds() == RefundReceipt.CREDIT_NOTE;
        if (creditNote) {
            total = total.negate();
            postings.replaceAll(p -> new Posting(p.account(), p.vatKey(), p.amount().negate(), p.text()));
        }
        LocalDate date = LocalDate.ofInstant(order.createdAt(), settings.zone());
        ObjectNode receipt = JsonNodeFactory.instance.objectNode()
                .put("type", creditNote ? "credit outbound" : "invoice outbound")
                .put("counterparty", counterparty)
                .put("invoice_number", number)
                .put("date", date.toString())
                .put("amount", total)
                .put("currency", order.currency())
                .put("creditor_debtor", debtor);
        List<BigDecimal> rates = order.lines().stream().map(OrderLine::taxRate).distinct().toList();
        if (rates.size() == 1) {
            receipt.put("vat_rate", rates.get(0).setScale(2, RoundingMode.HALF_UP));
        }
        return new ReceiptPlan(number, date, receipt, List.copyOf(postings), debtor);
    }

    /** The {@code /postings/add-batch/receipts} item booking this plan on receipt {@code receiptId}. */
    public ObjectNode postingsItem(String receiptId) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("receipt_id_by_customer", Long.parseLong(receiptId));
        ArrayNode accounts = item.putArray("postingaccounts");
        // UNCONFIRMED: the batch item's definition spells this "postingstexts"; its description and the single
        // endpoint say "postingtexts", which is what is sent.
        ArrayNode texts = item.putArray("postingtexts");
        ArrayNode vats = item.putArray("vats");
        ArrayNode amounts = item.putArray("amounts");
        for (Posting p : postings) {
            accounts.add(p.account());
            texts.add(p.text());
            vats.add(p.vatKey());
            amounts.add(p.amount().toPlainString());
        }
        item.put("debtor", debtor);
        return item;
    }

    /** The receipt's amount. */
    public BigDecimal amount() {
        return receipt.get("amount").decimalValue();
    }

    private static final class Group {
        final int account;
        final String vatKey;
        BigDecimal gross = BigDecimal.ZERO;

        Group(int account, String vatKey) {
            this.account = account;
            this.vatKey = vatKey;
        }

        void add(BigDecimal amount) {
            gross = gross.add(amount);
        }
    }

    private static RecordRejectedException noSetting(Order order, String what, String country, BigDecimal rate) {
        String r = rate.stripTrailingZeros().toPlainString();
        return reject(order, "lines.taxRate", "no " + what + " for " + country + " at " + r + " %; set one for \"" + country + ":" + r
                + "\" or \"*:" + r + "\" in the BuchhaltungsButler settings");
    }

    private static RecordRejectedException reject(Order order, String field, String reason) {
        return RecordRejectedException.builder(reason).record(order.sourceRef()).fieldPath(field).build();
    }
}
