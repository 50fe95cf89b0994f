package io.possync.connector.winstore.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static io.possync.connector.winstore.internal.WinstoreNames.Order.*;

/**
 * The XML body of {@code PostOrderWithStatusCode}, from an order's mapped fields, exactly as the
 * public client writes it: one {@code <order>}, no indentation, no namespace, the elements in the
 * fixed order, an unset value as an empty element, {@code changeSavingPoints} and a position's
 * {@code reduction} only when set (a zero reduction is left out), decimals as plain text without
 * trailing zeros ({@code 10.00} → {@code 10}), {@code orderdate} as local time without offset.
 * Values are escaped by a real XML writer.
 */
public final class OrderBody {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OrderBody() {
    }

    /** {@code order}'s body from its mapped {@code fields}; a value the service cannot take is a rejection naming the field. */
    public static String of(Order order, ObjectNode f, ZoneId zone) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement(ROOT);
            element(x, NUMBER, required(order, f, NUMBER));
            element(x, DATE, f.hasNonNull(DATE) ? localDate(order, f.get(DATE).asText())
                    : LOCAL.format(order.createdAt().atZone(zone)));
            element(x, CUSTOMER_ID, digits(order, CUSTOMER_ID, f.path(CUSTOMER_ID).asText("")));
            element(x, EMAIL, text(f, EMAIL));
            element(x, BRANCH, optionalDigits(order, BRANCH, text(f, BRANCH)));
            element(x, CHANNEL, text(f, CHANNEL));
            element(x, TOTAL, decimal(order, TOTAL, f.path(TOTAL)));
            element(x, CURRENCY, text(f, CURRENCY));
            if (!text(f, SAVING_POINTS).isEmpty()) {
                element(x, SAVING_POINTS, text(f, SAVING_POINTS));
            }
            x.writeStartElement(INVOICE_ADDRESS);
            for (String name : new String[] {FIRST_NAME, LAST_NAME, STREET, HOUSE_NUMBER, ZIP, COUNTRY, COUNTRY_ISO}) {
                element(x, name, text(f, name));
            }
            x.writeEndElement();
            x.writeStartElement(POSITIONS);
            JsonNode positions = f.path(POSITIONS);
            for (int i = 0; i < positions.size(); i++) {
                position(x, order, positions.get(i), POSITIONS + "[" + i + "]");
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the order body could not be written", e);
        }
        return out.toString();
    }

    private static void position(XMLStreamWriter x, Order order, JsonNode p, String at) throws XMLStreamException {
        x.writeStartElement(POSITION);
        String product = p.path(PRODUCT_ID).asText("");
        if (product.isBlank()) {
            throw reject(order, at + "." + PRODUCT_ID, "the position has no product_id");
        }
        element(x, PRODUCT_ID, product);
        BigDecimal amount = number(order, at + "." + AMOUNT, p.path(AMOUNT));
        if (amount.stripTrailingZeros().scale() > 0) {
            throw reject(order, at + "." + AMOUNT, "Winstore takes whole quantities; the line has " + amount.toPlainString());
        }
        element(x, AMOUNT, amount.toBigInteger().toString());
        element(x, SINGLE_PRICE, decimal(order, at + "." + SINGLE_PRICE, p.path(SINGLE_PRICE)));
        element(x, TYPE, p.path(TYPE).asText(""));
        element(x, BRANCH, optionalDigits(order, at + "." + BRANCH, p.path(BRANCH).asText("")));
        JsonNode reduction = p.path(REDUCTION);
        if (!reduction.isMissingNode() && !reduction.isNull() && !reduction.asText().isBlank()
                && number(order, at + "." + REDUCTION, reduction).signum() != 0) {
            element(x, REDUCTION, plain(number(order, at + "." + REDUCTION, reduction)));
        }
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        if (value.isEmpty()) {
            x.writeEmptyElement(name);
        } else {
            x.writeStartElement(name);
            x.writeCharacters(value);
            x.writeEndElement();
        }
    }

    private static String text(ObjectNode f, String name) {
        JsonNode v = f.path(name);
        return v.isMissingNode() || v.isNull() ? "" : v.isNumber() ? plain(v.decimalValue()) : v.asText();
    }

    private static String required(Order order, ObjectNode f, String name) {
        String v = text(f, name);
        if (v.isBlank()) {
            throw reject(order, name, name + " is empty");
        }
        return v;
    }

    private static String digits(Order order, String field, String value) {
        if (!value.matches("\\d{1,18}")) {
            throw reject(order, field, "Winstore wants a customer number (digits), the mapping gave '" + value + "'");
        }
        return value;
    }

    private static String optionalDigits(Order order, String field, String value) {
        if (!value.isEmpty() && !value.matches("\\d{1,9}")) {
            throw reject(order, field, "a branch is a number, the mapping gave '" + value + "'");
        }
        return value;
    }

    private static String localDate(Order order, String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            throw reject(order, DATE, "orderdate is local time as yyyy-MM-dd HH:mm:ss, the mapping gave '" + value + "'");
        }
        return value;
    }

    private static String decimal(Order order, String field, JsonNode v) {
        return plain(number(order, field, v));
    }

    private static BigDecimal number(Order order, String field, JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText(""));
        } catch (NumberFormatException e) {
            throw reject(order, field, field + " must be a number, the mapping gave " + (v.isMissingNode() || v.isNull() ? "nothing" : "'" + v.asText() + "'"));
        }
    }

    /** Plain text without trailing zeros, as the client prints a number ({@code 10.00} → {@code 10}, {@code 9.90} → {@code 9.9}). */
    static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static RecordRejectedException reject(Order order, String field, String reason) {
        return RecordRejectedException.builder(reason).record(order.sourceRef()).fieldPath(field).build();
    }
}
