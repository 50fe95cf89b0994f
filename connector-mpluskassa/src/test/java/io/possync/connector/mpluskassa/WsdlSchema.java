package io.possync.connector.mpluskassa;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The XML schema inside the vendor's WSDL ({@code vendor-specs/mpluskassa/specs/mplusqapi.wsdl},
 * v67.1.3), compiled once with the JDK's {@code javax.xml.validation}, and a check of a SOAP request's
 * operation element against it.
 */
final class WsdlSchema {

    static final Path WSDL = Path.of("..", "vendor-specs", "mpluskassa", "specs", "mplusqapi.wsdl");
    private static Schema schema;

    private WsdlSchema() {
    }

    static synchronized Schema schema() throws Exception {
        if (schema == null) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document wsdl = f.newDocumentBuilder().parse(WSDL.toFile());
            Element xsd = (Element) wsdl.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
            // The schema's prefixes (tns, xsd, SOAP-ENC…) are declared on the WSDL's root: carry them over.
            var root = wsdl.getDocumentElement().getAttributes();
            for (int i = 0; i < root.getLength(); i++) {
                Node a = root.item(i);
                if (a.getNodeName().startsWith("xmlns:") && !xsd.hasAttribute(a.getNodeName())) {
                    xsd.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getNodeName(), a.getNodeValue());
                }
            }
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The schema imports SOAP 1.1's encoding namespace without a location and uses one type of it,
            // SOAP-ENC:base64 (binary image data); it is declared here as that schema declares it.
            String soapEncoding = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
                    + " targetNamespace=\"http://schemas.xmlsoap.org/soap/encoding/\">"
                    + "<xs:simpleType name=\"base64\"><xs:restriction base=\"xs:base64Binary\"/></xs:simpleType></xs:schema>";
            schema = sf.newSchema(new javax.xml.transform.Source[] {
                    new javax.xml.transform.stream.StreamSource(new java.io.StringReader(soapEncoding)),
                    new DOMSource(xsd, WSDL.toUri().toString())});
        }
        return schema;
    }

    /** Validates the operation element inside {@code envelope}'s SOAP body; throws with the schema's message when invalid. */
    static void validate(String envelope) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        Element body = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        Element operation = null;
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                operation = e;
                break;
            }
        }
        Validator v = schema().newValidator();
        v.validate(new DOMSource(operation));
    }
}
