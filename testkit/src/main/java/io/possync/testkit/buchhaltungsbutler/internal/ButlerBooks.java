package io.possync.testkit.buchhaltungsbutler.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import io.possync.api.http.TimeSource;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;

/**
 * The BuchhaltungsButler sandbox's tenant: receipts, postings and debtor accounts, and the API v1
 * endpoints over them, with the vendor's validation and error codes. {@link BuchhaltungsButlerSandbox}
 * serves it over HTTP with authentication, the request budget and faults. Thread-safe.
 */
public final class ButlerBooks {

    private static final Set<String> RECEIPT_TYPES = Set.of("invoice inbound", "invoice outbound", "credit inbound", "credit outbound");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final TimeSource time;
    private final boolean debtorPosting;
    private final Duration receiptBatchInterval;
    private final Set<Integer> postingAccounts;
    private final Map<Integer, ObjectNode> receipts = new LinkedHashMap<>();
    private final List<ObjectNode> postings = new ArrayList<>();
    private final Map<String, ObjectNode> debtors = new LinkedHashMap<>();
    private long lastReceiptBatch = Long.MIN_VALUE;
    private int receiptIds;
    private int postingIds;


    /** A tenant with debtor posting on or off, the least time between receipt batches, and its posting accounts. */
    public ButlerBooks(TimeSource time, boolean debtorPosting, Duration receiptBatchInterval, Set<Integer> postingAccounts) {
        this.time = time;
        this.debtorPosting = debtorPosting;
        this.receiptBatchInterval = receiptBatchInterval;
        this.postingAccounts = Set.copyOf(postingAccounts);
    }

    /**
     * Copies of the receipts not deleted, oldest first, each with its {@code postings}: objects with
     * {@code postingaccount}, {@code vat} (the option as sent), {@code amount}, {@code postingtext}
     * and {@code debtor}.
     */
    public synchronized List<ObjectNode> receipts() {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : receipts.values()) {
            if (r.path("deleted").asText().equals("0")) {
                ObjectNode copy = r.deepCopy();
                ArrayNode list = copy.putArray("postings");
                for (ObjectNode p : postings) {
                    if (p.path("receipt_id_by_customer").asText().equals(r.path("id_by_customer").asText())) {
                        list.add(p.deepCopy());
                    }
                }
                out.add(copy);
            }
        }
        return out;
    }

    /** Copies of the debtor accounts, by account number. */
    public synchronized List<ObjectNode> debtors() {
        return debtors.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * Adds a debtor account given as plain Java values (strings, numbers, booleans, lists, maps), e.g.
     * {@code seedDebtor(Map.of("postingaccount_number", "10000", "name", "Barverkauf"))}.
     */
    public ObjectNode seedDebtor(Map<String, ?> debtor) {
        return seedDebtor(Json.MAPPER.<ObjectNode>valueToTree(debtor));
    }

    /** Adds a debtor account (needs {@code postingaccount_number} and {@code name}). */
    public synchronized ObjectNode seedDebtor(ObjectNode debtor) {
        ObjectNode row = debtor.deepCopy();
        row.put("postingaccount_number", row.path("postingaccount_number").asText());
        debtors.put(row.get("postingaccount_number").asText(), row);
        return row.deepCopy();
    }

    /** Changes one field of debtor account {@code account} as a bookkeeper would. */
    public synchronized void modifyDebtor(String account, String field, JsonNode value) {
        ObjectNode row = debtors.get(account);
        if (row == null) {
            throw new IllegalArgumentException("no debtor account " + account);
        }
        row.set(field, value);
    }

    /** A request the API refuses: the HTTP status and BuchhaltungsButler's error code. */
    public static final class ApiError extends RuntimeException {
        public final int status;
        public final int code;

        ApiError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** Answers {@code endpoint} (e.g. {@code /receipts/addBatch}); a refusal throws {@link ApiError}. */
    public synchronized JsonNode handle(String endpoint, JsonNode body) {
        return switch (endpoint) {
            case "/receipts/get" -> getReceipts(body);
            case "/receipts/add" -> ok().put("id_by_customer", String.valueOf(addReceipt(body).id));
            case "/receipts/addBatch" -> addReceiptBatch(body);
            case "/postings/add/receipt" -> {
                addPostings(body);
                yield ok();
            }
            case "/postings/add-batch/receipts" -> addPostingBatch(body);
            case "/postings/get" -> getPostings(body);
            case "/settings/get/debtors" -> getDebtors(body);
            case "/settings/add/debtor" -> {
                addDebtor(body, true);
                yield ok();
            }
            case "/settings/add-batch/debtors" -> addDebtorBatch(body);
            case "/settings/update/debtor" -> {
                updateDebtor(body);
                yield ok();
            }
            default -> throw new ApiError(404, 0, "no such endpoint: " + endpoint);
        };
    }

    private static ObjectNode ok() {
        return Json.MAPPER.createObjectNode().put("success", true).put("message", "");
    }

    // ------------------------------------------------------------------ receipts

    private record Added(int id) {
    }

    private JsonNode getReceipts(JsonNode body) {
        String direction = body.path("list_direction").asText("");
        if (!direction.equals("inbound") && !direction.equals("outbound")) {
            throw new ApiError(400, 5, "invalid list_direction specified");
        }
        int limit = intParam(body, "limit", 500, 10, "invalid limit specified");
        if (limit < 1 || limit > 500) {
            throw new ApiError(400, 10, "invalid limit specified");
        }
        int offset = intParam(body, "offset", 0, 12, "invalid offset specified");
        Optional<LocalDate> from = dateParam(body, "date_from", 7, "invalid date_from specified");
        Optional<LocalDate> to = dateParam(body, "date_to", 8, "invalid date_to specified");
        Optional<LocalDateTime> since = Optional.empty();
        if (body.has("date_since_last_modified")) {
            String v = body.get("date_since_last_modified").asText();
            try {
                since = Optional.of(v.length() == 10 ? LocalDate.parse(v).atTime(23, 59, 59) : LocalDateTime.parse(v, STAMP));
            } catch (DateTimeParseException e) {
                throw new ApiError(400, 19, "invalid date_since_last_modified specified");
            }
        }
        String number = body.hasNonNull("invoicenumber") ? body.get("invoicenumber").asText() : null;
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode r : receipts.values()) {
            if (!r.path("deleted").asText().equals("0") || !r.path("type").asText().endsWith(direction)) {
                continue;
            }
            LocalDate date = LocalDate.parse(r.path("date").asText());
            if (from.isPresent() && date.isBefore(from.get()) || to.isPresent() && date.isAfter(to.get())) {
                continue;
            }
            if (number != null && !r.path("invoicenumber").asText().equals(number)) {
                continue;
            }
            if (since.isPresent() && !LocalDateTime.parse(r.path("date_updated").asText(), STAMP).isAfter(since.get())) {
                continue;
            }
            rows.add(r);
        }
        rows.sort(Comparator.comparing((ObjectNode r) -> r.path("date").asText())
                .thenComparing(r -> Integer.parseInt(r.path("id_by_customer").asText())));
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (int i = offset; i < Math.min(rows.size(), offset + limit); i++) {
            ObjectNode copy = rows.get(i).deepCopy();
            copy.remove("date_updated");
            data.add(copy);
        }
        ObjectNode out = ok();
        out.put("rows", data.size());
        out.set("data", data);
        return out;
    }

    private Added addReceipt(JsonNode r) {
        ApiError invalid = receiptError(r);
        if (invalid != null) {
            throw invalid;
        }
        int id = ++receiptIds;
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("id_by_customer", String.valueOf(id));
        row.put("type", r.path("type").asText());
        row.put("date", r.path("date").asText());
        row.putNull("delivery_date");
        row.put("date_uploaded", today().toString());
        row.put("counterparty", r.path("counterparty").asText());
        row.put("invoicenumber", r.path("invoice_number").asText());
        row.put("amount", r.path("amount").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        row.put("currency", r.path("currency").asText());
        row.putNull("payment_date");
        row.putNull("due_date");
        row.putNull("account");
        row.put("creditor_debtor", r.hasNonNull("creditor_debtor") ? r.get("creditor_debtor").asText() : null);
        row.put("amount_paid", "0.00");
        row.put("amount_paid_fixed", "0.00");
        row.put("deleted", "0");
        row.putNull("link_to_receipt_id_by_customer");
        row.put("date_updated", LocalDateTime.ofInstant(time.now(), ZONE).format(STAMP));
        receipts.put(id, row);
        return new Added(id);
    }

    private ApiError receiptError(JsonNode r) {
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!Set.of("api_key", "type", "counterparty", "invoice_number", "date", "amount", "currency", "vat_rate", "account",
                    "creditor_debtor", "payment_reference", "date_delivery", "date_payment_due", "link_to_receipt_id_by_customer")
                    .contains(name)) {
                return new ApiError(400, 46, "invalid or not existing parameters");
            }
        }
        String type = r.path("type").asText("");
        if (!RECEIPT_TYPES.contains(type)) {
            return new ApiError(400, 8, "invalid type specified");
        }
        if (r.path("counterparty").asText("").isBlank()) {
            return new ApiError(400, 17, "invalid counterparty specified");
        }
        if (!r.has("invoice_number") || r.get("invoice_number").asText().length() > 60) {
            return new ApiError(400, 18, "invalid invoice number specified");
        }
        try {
            LocalDate.parse(r.path("date").asText(""));
        } catch (DateTimeParseException e) {
            return new ApiError(400, 19, "invalid date specified");
        }
        if (!r.path("amount").isNumber() || r.get("amount").decimalValue().signum() == 0) {
            return new ApiError(400, 20, "invalid amount specified");
        }
        if (r.path("currency").asText("").isBlank()) {
            return new ApiError(400, 21, "invalid currency specified");
        }
        if (r.has("creditor_debtor")) {
            String account = r.get("creditor_debtor").asText();
            if (!r.get("creditor_debtor").canConvertToInt() || r.get("creditor_debtor").asInt() == 0) {
                return new ApiError(400, 24, "invalid creditor/debtor specified");
            }
            if (!type.endsWith("outbound")) {
                return new ApiError(400, 26, "a receipt of type '" + type + "' cannot be assigned to a creditor account");
            }
            if (!debtorPosting) {
                return new ApiError(400, 29, "debtors are not activated for the customer");
            }
            if (!debtors.containsKey(account)) {
                return new ApiError(400, 25, "creditor/debtor specified does not exist for the customer");
            }
        }
        return null;
    }

    private JsonNode addReceiptBatch(JsonNode body) {
        JsonNode list = body.path("receipts");
        if (!list.isArray() || list.isEmpty()) {
            throw new ApiError(400, 6, "No receipts found");
        }
        if (list.size() > 50) {
            throw new ApiError(400, 5, "Number of receipts exceeded");
        }
        long now = time.nanoTime();
        if (lastReceiptBatch != Long.MIN_VALUE && now - lastReceiptBatch < receiptBatchInterval.toNanos()) {
            throw new ApiError(403, 15, "adding temporarily restricted");
        }
        lastReceiptBatch = now;
        ObjectNode out = Json.MAPPER.createObjectNode().put("success", true);
        ArrayNode created = out.putArray("receipts");
        ArrayNode errors = out.putArray("errors");
        for (JsonNode r : list) {
            ObjectNode withKey = r.deepCopy();
            ApiError invalid = receiptError(withKey);
            if (invalid != null) {
                // UNCONFIRMED: the spec types request_data as an array without items; the item sent is returned here.
                errors.addObject().put("success", false).put("error_code", invalid.code).put("message", invalid.getMessage())
                        .set("request_data", r.deepCopy());
                continue;
            }
            created.addObject().put("success", true).put("message", "").put("id_by_customer", String.valueOf(addReceipt(withKey).id));
        }
        return out;
    }

    // ------------------------------------------------------------------ postings

    private void addPostings(JsonNode p) {
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!Set.of("api_key", "receipt_id_by_customer", "postingaccounts", "postingtexts", "vats", "amounts", "cost_locations",
                    "cost_locations_two", "creditor", "debtor").contains(name)) {
                throw new ApiError(400, 46, "invalid or not existing parameters");
            }
        }
        ObjectNode receipt = receipts.get(p.path("receipt_id_by_customer").asInt(-1));
        if (receipt == null) {
            throw new ApiError(400, 6, "receipt not found");
        }
        if (!receipt.path("deleted").asText().equals("0")) {
            throw new ApiError(400, 7, "receipt is deleted");
        }
        if (!debtorPosting) {
            throw new ApiError(400, 12, "debtor posting is not activated");
        }
        String debtor = p.path("debtor").asText("");
        if (!debtors.containsKey(debtor)) {
            throw new ApiError(400, 43, "the specified creditor/debtor is invalid");
        }
        JsonNode accounts = p.path("postingaccounts");
        JsonNode texts = p.path("postingtexts");
        JsonNode vats = p.path("vats");
        JsonNode amounts = p.path("amounts");
        if (!accounts.isArray() || accounts.isEmpty()) {
            throw new ApiError(400, 17, "no postingaccount number specified");
        }
        if (!vats.isArray() || vats.isEmpty()) {
            throw new ApiError(400, 21, "no vat option specified");
        }
        if (amounts.size() != accounts.size() || vats.size() != accounts.size() || texts.size() != accounts.size()) {
            throw new ApiError(400, 35, "invalid amount specified");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < accounts.size(); i++) {
            int account = accounts.get(i).asInt(-1);
            if (!postingAccounts.contains(account)) {
                throw new ApiError(400, 18, "the specified postingaccount is not valid");
            }
            if (!BuchhaltungsButlerSandbox.VAT_OPTIONS.contains(vats.get(i).asText())) {
                throw new ApiError(400, 22, "invalid vat option for given account \"" + account + "\" specified");
            }
            if (texts.get(i).asText().length() > 128) {
                throw new ApiError(400, 31, "the posting text is longer than 128 characters");
            }
            String amount = amounts.get(i).asText();
            // UNCONFIRMED: negative amounts on a reversal receipt's postings (the spec only says "format 0000.00").
            if (!amount.matches("-?\\d+\\.\\d{2}")) {
                throw new ApiError(400, 35, "invalid amount specified");
            }
            sum = sum.add(new BigDecimal(amount));
        }
        if (sum.compareTo(new BigDecimal(receipt.path("amount").asText())) != 0) {
            throw new ApiError(400, 37, "the total amount of all postings does not match the receipt amount");
        }
        String receiptId = receipt.path("id_by_customer").asText();
        for (int i = 0; i < accounts.size(); i++) {
            ObjectNode row = Json.MAPPER.createObjectNode();
            row.put("id_by_customer", String.valueOf(++postingIds));
            row.put("date", receipt.path("date").asText() + " 00:00:00");
            row.put("postingtext", texts.get(i).asText());
            row.put("amount", new BigDecimal(amounts.get(i).asText()).abs().toPlainString());
            row.put("signed_amount", amounts.get(i).asText());
            row.put("currency", receipt.path("currency").asText());
            row.put("vat", vatRate(vats.get(i).asText()));
            row.put("vat_option", vats.get(i).asText());
            row.put("postingaccount", accounts.get(i).asText());
            row.put("debtor", debtor);
            row.put("credit_type", "S");
            row.put("debit_postingaccount_number", debtor);
            row.put("credit_postingaccount_number", accounts.get(i).asText());
            row.put("fixed", "0");
            row.put("receipt_id_by_customer", receiptId);
            row.putNull("transaction_id_by_customer");
            postings.add(row);
        }
        receipt.put("date_updated", LocalDateTime.ofInstant(time.now(), ZONE).format(STAMP));
    }

    private static String vatRate(String option) {
        return option.startsWith("19") ? "19.00" : option.startsWith("7") ? "7.00" : "0.00";
    }

    private JsonNode addPostingBatch(JsonNode body) {
        JsonNode list = body.path("receipts");
        if (!list.isArray() || list.isEmpty()) {
            throw new ApiError(400, 6, "No receipts found");
        }
        if (list.size() > 50) {
            throw new ApiError(400, 5, "Number of receipts exceeded");
        }
        ObjectNode out = Json.MAPPER.createObjectNode().put("success", true).put("message", "");
        ArrayNode errors = out.putArray("errors");
        for (JsonNode p : list) {
            try {
                addPostings(p);
            } catch (ApiError e) {
                errors.addObject().put("success", false).put("error_code", e.code).put("message", e.getMessage())
                        .set("request_data", p.deepCopy());
            }
        }
        return out;
    }

    private JsonNode getPostings(JsonNode body) {
        LocalDate from = dateParam(body, "date_from", 5, "invalid date_from specified")
                .orElseThrow(() -> new ApiError(400, 5, "invalid date_from specified"));
        LocalDate to = dateParam(body, "date_to", 6, "invalid date_to specified")
                .orElseThrow(() -> new ApiError(400, 6, "invalid date_to specified"));
        int limit = intParam(body, "limit", 1000, 10, "invalid limit specified");
        if (limit < 1 || limit > 1000) {
            throw new ApiError(400, 10, "invalid limit specified");
        }
        int offset = intParam(body, "offset", 0, 12, "invalid offset specified");
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode p : postings) {
            LocalDate date = LocalDate.parse(p.path("date").asText().substring(0, 10));
            if (!date.isBefore(from) && !date.isAfter(to)) {
                rows.add(p);
            }
        }
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (int i = offset; i < Math.min(rows.size(), offset + limit); i++) {
            ObjectNode copy = rows.get(i).deepCopy();
            copy.remove(List.of("signed_amount", "vat_option", "postingaccount", "debtor"));
            data.add(copy);
        }
        ObjectNode out = ok();
        out.put("rows", data.size());
        out.set("data", data);
        return out;
    }

    // ------------------------------------------------------------------ debtors

    private JsonNode getDebtors(JsonNode body) {
        int limit = intParam(body, "limit", 25, 10, "invalid limit specified");
        int offset = intParam(body, "offset", 0, 12, "invalid offset specified");
        // UNCONFIRMED: the largest limit the debtor list accepts; 500 as on /receipts/get.
        if (limit < 1 || limit > 500) {
            throw new ApiError(400, 10, "invalid limit specified");
        }
        List<ObjectNode> rows = new ArrayList<>(debtors.values());
        rows.sort(Comparator.comparing(d -> Long.parseLong(d.path("postingaccount_number").asText())));
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (int i = offset; i < Math.min(rows.size(), offset + limit); i++) {
            data.add(rows.get(i).deepCopy());
        }
        ObjectNode out = ok();
        out.put("rows", data.size());
        out.set("data", data);
        return out;
    }

    private static final Set<String> DEBTOR_FIELDS = Set.of("postingaccount_number", "name", "contact_person_name", "street",
            "address_additional", "zip", "city", "country", "sales_tax_id", "iban", "bic", "customer_number", "email");

    private String addDebtor(JsonNode d, boolean emailAllowed) {
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("api_key") && !DEBTOR_FIELDS.contains(name) || name.equals("email") && !emailAllowed) {
                throw new ApiError(400, 46, "invalid or not existing parameters");
            }
        }
        String name = d.path("name").asText("");
        if (name.isBlank() || name.length() > 100) {
            throw new ApiError(400, 5, "invalid name specified");
        }
        String number = d.path("postingaccount_number").asText("");
        if (number.isEmpty()) {
            TreeSet<Long> used = new TreeSet<>();
            debtors.keySet().forEach(k -> used.add(Long.parseLong(k)));
            number = String.valueOf(used.isEmpty() ? 10000 : used.last() + 1);
        }
        if (!number.matches("\\d{5,9}")) {
            throw new ApiError(400, 6, "invalid postingaccount_number specified");
        }
        if (debtors.containsKey(number)) {
            throw new ApiError(400, 7, "postingaccount_number already exists");
        }
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("postingaccount_number", number);
        for (String f : DEBTOR_FIELDS) {
            if (!f.equals("postingaccount_number") && d.hasNonNull(f)) {
                row.put(f, d.get(f).asText());
            }
        }
        debtors.put(number, row);
        return number;
    }

    private JsonNode addDebtorBatch(JsonNode body) {
        JsonNode list = body.path("debtors");
        if (!list.isArray() || list.isEmpty()) {
            throw new ApiError(400, 6, "No debtors found");
        }
        if (list.size() > 50) {
            throw new ApiError(400, 5, "Number of debtors exceeded");
        }
        // UNCONFIRMED: the answer's shape beside errors[]; created accounts are listed as on /receipts/addBatch.
        ObjectNode out = Json.MAPPER.createObjectNode().put("success", true);
        ArrayNode created = out.putArray("debtors");
        ArrayNode errors = out.putArray("errors");
        for (JsonNode d : list) {
            try {
                created.addObject().put("success", true).put("postingaccount_number", addDebtor(d, false));
            } catch (ApiError e) {
                errors.addObject().put("success", false).put("error_code", e.code).put("message", e.getMessage())
                        .set("request_data", d.deepCopy());
            }
        }
        return out;
    }

    private void updateDebtor(JsonNode d) {
        String number = d.path("postingaccount_number").asText("");
        ObjectNode row = debtors.get(number);
        if (row == null) {
            throw new ApiError(400, 6, "debtor not found");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("api_key") || e.getKey().equals("postingaccount_number")) {
                continue;
            }
            if (!DEBTOR_FIELDS.contains(e.getKey())) {
                throw new ApiError(400, 46, "invalid or not existing parameters");
            }
            row.put(e.getKey(), e.getValue().asText());
        }
    }

    // ------------------------------------------------------------------ parameters

    private static int intParam(JsonNode body, String name, int fallback, int code, String message) {
        if (!body.has(name)) {
            return fallback;
        }
        JsonNode v = body.get(name);
        if (!v.canConvertToInt() || v.asInt() < 0 && !name.equals("limit")) {
            throw new ApiError(400, code, message);
        }
        return v.asInt();
    }

    private static Optional<LocalDate> dateParam(JsonNode body, String name, int code, String message) {
        if (!body.has(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(body.get(name).asText()));
        } catch (DateTimeParseException e) {
            throw new ApiError(400, code, message);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(time.now(), ZONE);
    }
}
