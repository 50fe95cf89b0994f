package io.possync.connector.mpluskassa.internal;

import io.possync.api.internal.Unreadable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * The little XML this connector needs, on the JDK alone: an element tree that writes itself in the
 * {@code urn:mplusqapi} namespace (children in the order they were added, which the callers keep in
 * the WSDL's sequence order), and namespace-aware DOM reading with external entities off.
 *
 * <p>Why not Jackson's XML module or JAXB: the SOAP envelope, the schema's strict element order and
 * the few operations used are simpler to state directly than to teach a data binder, and the JDK's
 * parser needs no dependency.
 */
public final class Xml {

    /** The API's namespace. */
    public static final String NS = "urn:mplusqapi";
    /** SOAP 1.1's envelope namespace. */
    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private Xml() {
    }

    /** An element to write: a name and either text or children. */
    public static final class El {
        private final String name;
        private final String text;
        private final List<El> children = new ArrayList<>();

        private El(String name, String text) {
            this.name = name;
            this.text = text;
        }

        /** Adds {@code child}; returns this. */
        public El add(El child) {
            children.add(child);
            return this;
        }

        /** Adds {@code <name>value</name>} when {@code value} is not null; returns this. */
        public El add(String name, Object value) {
            if (value != null) {
                children.add(text(name, value));
            }
            return this;
        }

        /** Adds {@code <name>value</name>} when present. */
        public El add(String name, Optional<?> value) {
            return add(name, value.orElse(null));
        }

        void write(StringBuilder out) {
            out.append("<ns1:").append(name);
            if (text == null && children.isEmpty()) {
                out.append("/>");
                return;
            }
            out.append('>');
            if (text != null) {
                escape(text, out);
            }
            for (El c : children) {
                c.write(out);
            }
            out.append("</ns1:").append(name).append('>');
        }
    }

    /** An element with children to come. */
    public static El el(String name) {
        return new El(name, null);
    }

    /** An element holding {@code value} as text. */
    public static El text(String name, Object value) {
        return new El(name, String.valueOf(value));
    }

    /** The SOAP 1.1 envelope whose body is {@code operation}. */
    public static String envelope(El operation) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"").append(SOAP_NS).append("\" xmlns:ns1=\"").append(NS).append("\">")
                .append("<SOAP-ENV:Body>");
        operation.write(out);
        return out.append("</SOAP-ENV:Body></SOAP-ENV:Envelope>").toString();
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /** Parses {@code bytes}; external entities and DTDs are refused. */
    public static Document parse(byte[] bytes) throws SAXException, IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    /** The first element inside the SOAP body, if any. */
    public static Optional<Element> bodyContent(Document doc) {
        for (Element body : children(doc.getDocumentElement(), "Body")) {
            List<Element> inside = children(body);
            return inside.isEmpty() ? Optional.empty() : Optional.of(inside.get(0));
        }
        return Optional.empty();
    }

    /** The child elements of {@code parent}. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The child elements of {@code parent} with this local name. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element with this local name. */
    public static Optional<Element> child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The text of the first child with this local name, if present and not empty. */
    public static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(Element::getTextContent).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The child's text as a long, if present. */
    public static Optional<Long> longValue(Element parent, String localName) {
        return text(parent, localName).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw Unreadable.value(localName, v, "a whole number");
            }
        });
    }
}
