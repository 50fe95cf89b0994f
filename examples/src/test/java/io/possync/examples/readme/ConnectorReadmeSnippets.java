package io.possync.examples.readme;

import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.Source;
import io.possync.api.StockLevel;
import io.possync.api.http.Secret;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.api.OrderKind;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.core.Flow;
import io.possync.core.StockCalculation;
import io.possync.api.Product;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewSettings;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.core.summary.DailySummaries;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

/** The Java snippets of the connectors' README.md files, compiled; {@code ReadmeSnippetsTest} keeps them equal. */
final class ConnectorReadmeSnippets {

    private ConnectorReadmeSnippets() {
    }

    static void businessCentral(LightspeedRetail pos, String clientId, String clientSecret) {
        // snippet business-central-connector
        BusinessCentral bc = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("contoso.onmicrosoft.com", "production", clientId, Secret.of(clientSecret)),
                "CRONUS International Ltd.")
                .paymentTerms("14 DAYS").paymentMethod("BANK").vatBusinessPostingGroup("BINNENLAND")
                .build());

        Flow<Order> sales = Flow.orders("pos-sales").from(pos.sales()).to(bc.salesInvoices())
                .kind(OrderKind.INVOICE).customers(bc.customers()).products(bc.items()).build();
        // end snippet
    }

    static void lightspeedRetail(BusinessCentral bc, String clientId, String clientSecret, Map<String, String> vault) {
        // snippet lightspeed-retail-connector
        LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings
                .builder(clientId, Secret.of(clientSecret), Secret.of(vault.get("lightspeed.refresh")))
                .onTokenRotation(token -> vault.put("lightspeed.refresh", token.reveal()))   // store it at once
                .shops("1", "2")
                .currency("EUR").pricesIncludeTax(true)
                .build());

        Flow<Order> sales = Flow.orders("pos-sales").from(pos.sales()).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).build();
        Flow<StockLevel> stock = Flow.stock("erp-stock").from(bc.stock()).to(pos.stock()).build();
        // end snippet
    }

    static void lightspeedXSeries(String clientId, String clientSecret, Map<String, String> vault) {
        // snippet lightspeed-xseries-connector
        LightspeedXSeries pos = LightspeedXSeries.connect(XSeriesSettings
                .builder("mystore", clientId, Secret.of(clientSecret), Secret.of(vault.get("xseries.refresh")))
                .onTokenRotation(token -> vault.put("xseries.refresh", token.reveal()))
                .registers(3)
                .build());
        // end snippet
    }

    static void mplusKassa(BusinessCentral bc, LightspeedRetail shop, String ident, String secret) {
        // snippet mpluskassa-connector
        MplusKassa mplus = MplusKassa.connect(MplusSettings.builder(44281, ident, Secret.of(secret))
                .branch(1).workplace(1)
                .employee(999999)          // the API employee orders and stock mutations are booked on
                .turnoverGroup(10)         // of new articles
                .build());

        // POS sales to the ERP
        Flow<Order> sales = Flow.orders("till-to-erp").from(mplus.receipts()).to(bc.salesInvoices())
                .kind(OrderKind.INVOICE).customers(bc.customers()).products(bc.items()).defaultDebtor("CASH").build();
        // shop sales into the till
        Flow<Order> orders = Flow.orders("shop-to-till").from(shop.sales()).to(mplus.orders())
                .customers(mplus.relations()).products(mplus.articles()).defaultDebtor("0").build();
        // end snippet
    }

    static void buchhaltungsButler(LightspeedRetail lightspeed, String apiClient, String apiSecret, String apiKey) {
        // snippet buchhaltungsbutler-connector
        BuchhaltungsButler butler = BuchhaltungsButler.connect(BuchhaltungsButlerSettings
                .builder(apiClient, Secret.of(apiSecret), Secret.of(apiKey))
                .revenueAccount("*", "19", 8400).revenueAccount("*", "7", 8300)      // SKR03
                .revenueAccount("DE", "0", 8120).revenueAccount("*", "0", 8125)      // tax-free / intra-EU
                .vatKey("*", "0", "0_none")
                .debtorAccounts(10000, 69999)
                .build());

        Flow<Order> sales = Flow.orders("till-to-butler")
                .from(lightspeed.sales()).to(butler.receipts())
                .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER)
                .defaultDebtor("10000")                     // the cash-sales debtor for anonymous sales
                .build();

        // or one receipt per shop and day instead of one per sale:
        Source<Order> days = DailySummaries.builder(lightspeed.sales()).zone(ZoneId.of("Europe/Berlin")).build();
        Flow<Order> daily = Flow.orders("till-days-to-butler").from(days).to(butler.receipts()).defaultDebtor("10000").build();
        // end snippet
    }

    static void winstore(BusinessCentral erp, String password) {
        // snippet winstore-connector
        Winstore winstore = Winstore.connect(WinstoreSettings.builder("shop-api", Secret.of(password))
                .branch(1).channel("Webshop").build());

        Flow<Product> articles = Flow.products("winstore-articles").from(winstore.articles()).to(erp.items()).build();
        Flow<StockLevel> stock = Flow.stock("winstore-stock").from(winstore.stock()).to(erp.stock())
                .calculation(StockCalculation.AVAILABLE)   // Winstore's "available" already excludes reservations
                .build();
        Flow<Order> orders = Flow.orders("erp-orders").from(erp.salesOrders().withCustomers()).to(winstore.orders()).build();
        // end snippet
    }

    static void accountView(LightspeedRetail lightspeed, String clientId, String clientSecret, Map<String, String> vault) {
        // snippet accountview-connector
        AccountView av = AccountView.connect(AccountViewSettings.builder(clientId, Secret.of(clientSecret),
                        Secret.of(vault.get("accountview.refresh")), "DEMO")          // the ondernemingscode
                .onTokenRotation(token -> vault.put("accountview.refresh", token.reveal()))
                .collectiveAccount("1300").salesJournal("800")
                .revenueAccount("*", "8000").revenueAccount("BE", "8100")
                .vatCode("*", new BigDecimal("21"), "2").vatCode("*", new BigDecimal("9"), "1")
                .shippingArticle("VERZEND").shippingAccount("8050")
                .build());

        Flow<Product> articles = Flow.products("erp-articles").from(av.articles()).to(lightspeed.items()).build();
        Flow<StockLevel> stock = Flow.stock("erp-stock").from(av.stock()).to(lightspeed.stock()).build();
        Flow<Order> sales = Flow.orders("pos-sales").from(lightspeed.sales()).to(av.salesInvoices())
                .customers(av.debtors()).defaultDebtor("10000").build();
        // end snippet
    }
}
