package io.possync.connector.winstore.internal;

/**
 * Every wire name the connector uses, in one table (README "UNCONFIRMED"): the operation names and
 * the order body's element names are those a working public client sends (confirmed); the element
 * names of the answers are PROPOSALs, because no answer of the live service has been published.
 * When a real answer is captured, this class and {@link WinstoreAnswers} are the only places to change.
 */
public final class WinstoreNames {

    private WinstoreNames() {
    }

    /** Operations, appended to the base URL after one {@code /} (confirmed). */
    public static final class Operation {
        public static final String ARTICLES_CHANGED = "GetArticleDataChangesByDate";
        public static final String SUPPLIERS = "GetSuppliers";
        public static final String ARTICLES_OF_SUPPLIER = "GetArticleDataBySupplierId";
        public static final String STOCK = "GetStock";
        public static final String STOCK_CHANGED = "GetChangedStock";
        public static final String STOCK_CHANGED_PER_WAREHOUSE = "GetChangedStockWithWarehouse";
        public static final String POST_ORDER = "PostOrderWithStatusCode";
        /** PROPOSAL: no such operation is known; switched by {@code WinstoreSettings.orderLookup}. */
        public static final String ORDER_STATUS = "GetOrderStatus";
        /** PROPOSAL: no such operation is known; switched by {@code WinstoreSettings.orderFeed}. */
        public static final String ORDERS_CHANGED = "GetOrderChangesByDate";
        /** PROPOSAL, the lowest confidence: switched by {@code WinstoreSettings.statusWrites}. */
        public static final String POST_ORDER_STATUS = "PostOrderStatusWithStatusCode";

        private Operation() {
        }
    }

    /** Query parameter names and fixed values (confirmed). */
    public static final class Query {
        public static final String DATE = "date";
        public static final String SUPPLIER_ID = "id";
        public static final String TYPE = "type";
        public static final String BY_ARTICLE_KEY = "byArtikelKey";
        public static final String ARTICLE_KEY = "artkey";
        public static final String OUT_OF_STOCK = "outOfStock";
        /** PROPOSAL, with {@link Operation#ORDER_STATUS}. */
        public static final String ORDER_NUMBER = "ordernr";
        /** PROPOSAL, with {@link Operation#ORDERS_CHANGED}: only orders in this status. */
        public static final String STATUS = "status";

        private Query() {
        }
    }

    /** An article record of the article answers (PROPOSAL names). */
    public static final class Article {
        public static final String KEY = "artkey";
        public static final String NUMBER = "artnr";
        public static final String GTIN = "gtin";
        public static final String DESCRIPTION = "description";
        public static final String LONG_DESCRIPTION = "description_long";
        public static final String BRAND = "brand";
        public static final String PRICE_INCL = "price_incl";
        public static final String PRICE_EXCL = "price_excl";
        public static final String VAT_RATE = "vat_rate";
        public static final String SUPPLIER_ID = "supplier_id";
        public static final String SUPPLIER_NAME = "supplier_name";
        public static final String GROUP = "group";
        public static final String MODIFIED = "modified";
        public static final String ACTIVE = "active";
        public static final String IMAGE_URL = "image_url";
        public static final String ATTRIBUTES = "attributes";
        public static final String ATTRIBUTE_NAME = "name";
        public static final String ATTRIBUTE_VALUE = "value";
        public static final String VARIANTS = "variants";
        public static final String VARIANT_SIZE = "size";
        public static final String VARIANT_COLOUR = "colour";

        private Article() {
        }
    }

    /** A supplier record (PROPOSAL names). */
    public static final class Supplier {
        public static final String ID = "id";

        private Supplier() {
        }
    }

    /** A stock row, one per GTIN (and warehouse) (PROPOSAL names). */
    public static final class Stock {
        public static final String ARTICLE_KEY = "artkey";
        public static final String GTIN = "gtin";
        public static final String WAREHOUSE = "warehouse";
        public static final String QUANTITY = "quantity";
        public static final String RESERVED = "reserved";
        public static final String AVAILABLE = "available";
        public static final String MODIFIED = "modified";

        private Stock() {
        }
    }

    /** The order body of {@link Operation#POST_ORDER}, in the order the elements are written (confirmed). */
    public static final class Order {
        public static final String ROOT = "order";
        public static final String NUMBER = "ordernr";
        public static final String DATE = "orderdate";
        public static final String CUSTOMER_ID = "customerid";
        public static final String EMAIL = "email";
        public static final String BRANCH = "branch";
        public static final String CHANNEL = "channel";
        public static final String TOTAL = "total";
        public static final String CURRENCY = "currency";
        public static final String SAVING_POINTS = "changeSavingPoints";
        public static final String INVOICE_ADDRESS = "invoice_add";
        public static final String FIRST_NAME = "fname";
        public static final String LAST_NAME = "lname";
        public static final String STREET = "street";
        public static final String HOUSE_NUMBER = "streetnr";
        public static final String ZIP = "zip";
        public static final String COUNTRY = "country";
        public static final String COUNTRY_ISO = "countryISO";
        public static final String POSITIONS = "positions";
        public static final String POSITION = "position";
        public static final String PRODUCT_ID = "product_id";
        public static final String AMOUNT = "amount";
        public static final String SINGLE_PRICE = "single_price";
        public static final String TYPE = "type";
        public static final String REDUCTION = "reduction";
        /** The position type the client always sends; its meaning is UNCONFIRMED. */
        public static final String SALE_TYPE = "S";
        /** PROPOSAL: in read orders only, after the body's elements. */
        public static final String ORDER_ID = "orderid";
        /** PROPOSAL: in read orders only. */
        public static final String STATUS = "status";
        /** PROPOSAL: in read orders only ({@code pos}, {@code api}, {@code webshop}). */
        public static final String SOURCE = "source";
        /** PROPOSAL: in read orders only. */
        public static final String MODIFIED = "modified";

        private Order() {
        }
    }

    /** The body of {@link Operation#POST_ORDER_STATUS} (PROPOSAL). */
    public static final class StatusBody {
        public static final String ROOT = "orderstatus";
        public static final String ORDER_NUMBER = "ordernr";
        public static final String STATUS = "status";

        private StatusBody() {
        }
    }

    /** The status words of orders (PROPOSAL) and what they mean in possync. */
    public static final class StatusWord {
        public static final String NEW = "new";
        public static final String PROCESSING = "processing";
        public static final String COMPLETED = "completed";
        public static final String CANCELLED = "cancelled";

        private StatusWord() {
        }

        /** The canonical status of a word; an unknown word is none. */
        public static java.util.Optional<io.possync.api.OrderStatus> read(String word) {
            return java.util.Optional.ofNullable(switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case NEW -> io.possync.api.OrderStatus.OPEN;
                case PROCESSING -> io.possync.api.OrderStatus.PAID;
                case COMPLETED -> io.possync.api.OrderStatus.COMPLETED;
                case CANCELLED -> io.possync.api.OrderStatus.CANCELLED;
                default -> null;
            });
        }

        /** The word for a canonical status: shipped counts as completed, refunded as cancelled. */
        public static String of(io.possync.api.OrderStatus status) {
            return switch (status) {
                case OPEN -> NEW;
                case PAID -> PROCESSING;
                case SHIPPED, COMPLETED -> COMPLETED;
                case CANCELLED, REFUNDED -> CANCELLED;
            };
        }
    }

    /** The answer of {@link Operation#POST_ORDER} and of errors (PROPOSAL names). */
    public static final class Result {
        public static final String STATUS_CODE = "statuscode";
        public static final String MESSAGE = "message";
        public static final String ORDER_NUMBER = "ordernr";
        public static final String ORDER_ID = "orderid";
        public static final String STATUS = "status";

        private Result() {
        }
    }
}
