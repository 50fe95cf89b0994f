package io.possync.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets and personal data out of logs and events: by field name in JSON, by pattern in
 * free text. Secrets become {@code ***}; personal values become {@code <redacted>} or a short
 * stable pseudonym so events about one person can still be correlated.
 */
public final class Redaction {

    /** What a secret value is replaced with. */
    public static final String SECRET_MASK = "***";
    /** What a personal value is replaced with. */
    public static final String PERSONAL_MASK = "<redacted>";

    private static final Set<String> SECRET_NAMES = Set.of("password", "passwd", "secret", "clientsecret", "token",
            "accesstoken", "refreshtoken", "idtoken", "apikey", "key", "authorization", "webserviceaccesskey", "ident",
            "signature", "code", "sessionid", "cookie");
    private static final Set<String> PERSONAL_NAMES = Set.of("email", "emailaddress", "mail", "phone", "phonenumber",
            "mobile", "mobilephonenumber", "telephone", "fax", "name", "firstname", "lastname", "middlename",
            "fullname", "displayname", "contact", "contactname", "contactperson", "street", "address", "addressline1",
            "addressline2", "address1", "address2", "housenumber", "numberaddition", "postalcode", "postcode", "zip",
            "zipcode", "city", "vatnumber", "vatregistrationno", "taxregistrationnumber", "iban", "bic",
            "birthdate", "dateofbirth", "dob", "companyname", "searchname", "title", "counterparty", "contactpersonname",
            "salestaxid");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private Redaction() {
    }

    /** Whether a field of this name carries a credential. */
    public static boolean isSecretField(String name) {
        String n = normalize(name);
        return SECRET_NAMES.contains(n) || n.endsWith("secret") || n.endsWith("token") || n.endsWith("password")
                || n.endsWith("apikey");
    }

    /** Whether a field of this name carries personal data. */
    public static boolean isPersonalField(String name) {
        String n = normalize(name);
        return PERSONAL_NAMES.contains(n) || n.contains("email") || n.contains("phone") || n.endsWith("firstname")
                || n.endsWith("lastname") || n.startsWith("address") || n.endsWith("street");
    }

    /** A deep copy of {@code node} with secret values masked and personal values redacted. */
    public static JsonNode redactJson(JsonNode node) {
        JsonNode copy = node.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (isSecretField(field.getKey()) && !value.isContainerNode()) {
                    field.setValue(TextNode.valueOf(SECRET_MASK));
                } else if (isPersonalField(field.getKey()) && !value.isContainerNode()) {
                    if (!value.isNull()) {
                        field.setValue(TextNode.valueOf(PERSONAL_MASK));
                    }
                } else if (isPersonalField(field.getKey()) && value.isContainerNode()) {
                    // An "address" or "contact" object: everything inside it is personal.
                    field.setValue(TextNode.valueOf(PERSONAL_MASK));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(redactText(value.asText())));
                } else {
                    redactInPlace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, TextNode.valueOf(redactText(element.asText())));
                } else {
                    redactInPlace(element);
                }
            }
        }
    }

    /** {@code text} with every e-mail address replaced. */
    public static String redactText(String text) {
        return EMAIL.matcher(text).replaceAll(PERSONAL_MASK);
    }

    private static final Pattern XML_TEXT_ELEMENT = Pattern.compile("<((?:[\\w.-]+:)?([\\w.-]+))(\\s[^>]*)?>([^<]*)</\\1>");

    /**
     * {@code xml} with the text of elements named like secrets or personal data masked (by the same
     * names as JSON fields: {@code <ns1:email>}, {@code <ns1:name>}, {@code <ns1:zipcode>}, …) and
     * e-mail addresses elsewhere removed, for SOAP bodies in logs.
     */
    public static String redactXml(String xml) {
        Matcher m = XML_TEXT_ELEMENT.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String local = m.group(2);
            String mask = isSecretField(local) ? SECRET_MASK : isPersonalField(local) && !m.group(4).isEmpty() ? PERSONAL_MASK : null;
            String replacement = mask == null ? m.group() : "<" + m.group(1) + (m.group(3) == null ? "" : m.group(3)) + ">" + mask
                    + "</" + m.group(1) + ">";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return redactText(out.toString());
    }

    /**
     * A short, stable pseudonym of a personal value ({@code p:3fa1c09e2b}): equal values give equal
     * pseudonyms, so events about one person can be correlated without storing who it is.
     */
    public static String pseudonym(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(value.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "p:" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String normalize(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString();
    }
}
