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
            "salestaxid", "note", "notes", "comment", "comments", "remark", "remarks", "website", "vat", "vatid", "company",
            "organisation", "organization");
    /** An e-mail address, also with its {@code @} URL-encoded ({@code anna%40example.com}). */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+?(?:@|%40)[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** An OData comparison of a field with a string literal: {@code displayName eq 'Anna'}. */
    private static final Pattern ODATA_COMPARISON = Pattern.compile("([\\w/]+)(\\s+(?:eq|ne|gt|ge|lt|le)\\s+)'((?:[^']|'')*)'");
    /** An OData {@code in} list: {@code email in ('a','b')}. */
    private static final Pattern ODATA_IN = Pattern.compile("([\\w/]+)(\\s+in\\s+)\\(([^)]*)\\)");
    /** An OData string function over a field: {@code contains(displayName,'Anna')}. */
    private static final Pattern ODATA_FUNCTION = Pattern.compile("(contains|startswith|endswith)\\(\\s*([\\w/]+)\\s*,\\s*'((?:[^']|'')*)'\\s*\\)");

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
        return PERSONAL_NAMES.contains(n) || n.contains("email") || n.contains("phone") || n.endsWith("name")
                || n.contains("address") || n.endsWith("street") || n.contains("contact") || n.endsWith("city")
                || n.endsWith("postcode") || n.endsWith("postalcode") || n.endsWith("zipcode") || n.endsWith("zip")
                || n.contains("vatnumber") || n.contains("taxid") || n.contains("registrationnumber") || n.endsWith("mobile");
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
                } else if (value.isTextual() && isLinkField(field.getKey())) {
                    field.setValue(TextNode.valueOf(redactUrl(value.asText())));
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

    /** {@code text} with every e-mail address replaced, also URL-encoded ones. */
    public static String redactText(String text) {
        return EMAIL.matcher(text).replaceAll(PERSONAL_MASK);
    }

    /** Whether a JSON field holds a URL whose query may carry personal values ({@code url}, {@code @odata.nextLink}). */
    private static boolean isLinkField(String name) {
        String n = normalize(name);
        return n.equals("url") || n.endsWith("link") || n.equals("next") || n.equals("previous") || n.equals("href");
    }

    /**
     * A URL (absolute or relative) with the values of its query made safe to log: secret parameters
     * masked, parameters named like personal data ({@code email=…}, {@code Contact.email=…}) redacted,
     * string literals an OData {@code $filter} compares a personal field with redacted, and e-mail
     * addresses removed everywhere. Values are shown decoded.
     */
    public static String redactUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return redactText(url);
        }
        StringBuilder out = new StringBuilder(redactText(url.substring(0, q))).append('?');
        String[] pairs = url.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            if (i > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                out.append(redactText(pair));
                continue;
            }
            String name = pair.substring(0, eq);
            String decoded = decode(name);
            String value = decode(pair.substring(eq + 1));
            out.append(name).append('=');
            if (isSecretField(decoded)) {
                out.append(SECRET_MASK);
            } else if (isPersonalField(decoded)) {
                out.append(PERSONAL_MASK);
            } else if (decoded.equals("$filter")) {
                out.append(redactODataFilter(value));
            } else {
                out.append(redactText(value));
            }
        }
        return out.toString();
    }

    /** An OData filter with the string literals compared with personal fields redacted, and e-mail addresses removed. */
    public static String redactODataFilter(String filter) {
        String s = replace(ODATA_COMPARISON, filter, m -> isPersonalField(m.group(1))
                ? m.group(1) + m.group(2) + "'" + PERSONAL_MASK + "'" : m.group());
        s = replace(ODATA_IN, s, m -> isPersonalField(m.group(1))
                ? m.group(1) + m.group(2) + "(" + PERSONAL_MASK + ")" : m.group());
        s = replace(ODATA_FUNCTION, s, m -> isPersonalField(m.group(2))
                ? m.group(1) + "(" + m.group(2) + ",'" + PERSONAL_MASK + "')" : m.group());
        return redactText(s);
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
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
