package io.possync.examples;

import io.possync.api.OrderKind;
import io.possync.api.OrderStatus;
import io.possync.api.PossyncException;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.CustomApi;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.SyncReportTable;
import io.possync.core.state.JdbcStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's main job: a retailer's Lightspeed Retail POS and Business Central ERP kept in step.
 * Products and customers go POS → ERP, sales go POS → ERP as invoices (anonymous sales on a default
 * debtor, tax codes per country, each payment in its method's payment journal), stock goes ERP → POS,
 * and a cancelled invoice voids its sale in
 * the POS. Without configuration it runs against the
 * two sandboxes seeded with a demo shop, then applies a second day of changes and runs again to show
 * that only the changes move. With {@code possync-demo.properties} (or environment variables, see
 * {@link DemoConfig}) it syncs real accounts once.
 *
 * <pre>
 * mvn -B -ntp -q -pl examples -am package -DskipTests -Pdemo
 * </pre>
 */
public final class DemoSync {

    /** The Lightspeed ⇄ Business Central demo's table (the README shows it at these widths). */
    private static final SyncReportTable TABLE = SyncReportTable.of("lightspeed", "businesscentral").withWidth("businesscentral", 14);

    /**
     * The reports of the demo's runs (the first day's and the second day's), and what the systems hold
     * afterwards: the ERP's sales invoices, how many distinct POS sale numbers they carry, and the
     * POS's voided sales.
     */
    record Result(List<SyncReport> firstDay, List<SyncReport> secondDay, int erpInvoices, int distinctSaleNumbers,
                  long voidedSales, Map<String, Integer> paymentLinesByJournal, long contactPersons) {
    }

    private DemoSync() {
    }

    /** The pairs the demo runs: {@code --pair <name>}, Lightspeed ⇄ Business Central by default. */
    static final List<String> PAIRS = List.of("lightspeed-businesscentral", ButlerPairDemo.NAME, TillPairDemo.NAME, StorePairDemo.NAME,
            LedgerPairDemo.NAME);

    public static void main(String[] args) {
        Path workDir = Path.of("possync-demo");
        String pair = pair(args);
        if (!PAIRS.contains(pair)) {
            System.err.println("possync demo: no pair '" + pair + "'; the pairs are " + String.join(", ", PAIRS));
            System.exit(2);
        }
        if (pair.equals(ButlerPairDemo.NAME)) {
            ButlerPairDemo.run(System.out, workDir, System.console() != null);
            return;
        }
        if (pair.equals(TillPairDemo.NAME)) {
            TillPairDemo.run(System.out, workDir, System.console() != null);
            return;
        }
        if (pair.equals(LedgerPairDemo.NAME)) {
            LedgerPairDemo.run(System.out, workDir, System.console() != null);
            return;
        }
        if (pair.equals(StorePairDemo.NAME)) {
            StorePairDemo.run(System.out, workDir, System.console() != null);
            return;
        }
        try {
            Optional<DemoConfig> config = DemoConfig.load(Path.of("possync-demo.properties"), System.getenv());
            if (config.isPresent()) {
                runReal(System.out, workDir, config.get());
            } else {
                run(System.out, workDir, System.console() != null);
            }
        } catch (DemoConfig.Invalid e) {
            System.err.println("possync demo: the configuration has problems; nothing was sent:");
            e.problems().forEach(p -> System.err.println("  - " + p));
            System.exit(2);
        } catch (PossyncException e) {
            System.err.println("possync demo: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The pair named by {@code --pair <name>} (an empty name is the default pair). */
    static String pair(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--pair") && !args[i + 1].isBlank()) {
                return args[i + 1];
            }
        }
        return PAIRS.get(0);
    }

    /** Runs the demo against the sandboxes, writing state and activity under {@code workDir}. */
    static Result run(PrintStream out, Path workDir, boolean terminal) {
        // Lightspeed's bucket drips 1 unit per second (a write costs 10); the sandbox's clock runs
        // 200 times faster so the demo does not wait for it. The pacing itself is real.
        ScaledTime lightspeedTime = ScaledTime.startingAt(Instant.now(), 200);
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Amsterdam").shop("Utrecht").time(lightspeedTime).start();
             BusinessCentralSandbox erpSandbox = BusinessCentralSandbox.builder().customApi("contoso", "possync", "v1.0").start()) {
            out.println("possync demo: Lightspeed Retail (sandbox) ⇄ Business Central (sandbox)");
            DemoShop shop = new DemoShop(Instant.now());
            shop.seed(posSandbox, erpSandbox);
            out.printf("seeded: %d products (%d configurable × %d variants, %d simple), %d customers, %d sales in 2 shops over 30 days%n",
                    DemoShop.MATRICES * 10 + DemoShop.SIMPLE, DemoShop.MATRICES, DemoShop.COLOURS.length * DemoShop.SIZES.length,
                    DemoShop.SIMPLE, DemoShop.CUSTOMERS, DemoShop.SALES);

            List<String> issued = posSandbox.issuedRefreshTokens();
            LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings.builder(posSandbox.clientId(),
                            Secret.of(posSandbox.clientSecret()), Secret.of(issued.get(issued.size() - 1)))
                    .endpoints(posSandbox.apiUri(), posSandbox.tokenUri())
                    .stockShop("1").currency("EUR").timeSource(lightspeedTime)
                    .build());
            BusinessCentral erp = BusinessCentral.connect(erpSettings(BusinessCentralSettings.builder(
                    BusinessCentralSettings.cloud(erpSandbox.tenant(), erpSandbox.environment(), erpSandbox.clientId(),
                            Secret.of(erpSandbox.clientSecret())),
                    erpSandbox.companyName())
                    .apiHost(erpSandbox.apiHost()).loginHost(erpSandbox.loginHost())
                    // The partner extension's route: stock per variant (its SKU pages and stock query).
                    .customApi(new CustomApi("contoso", "possync", "v1.0").withVariantStock())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(50)).build())));

            try (DemoRun.Session run = DemoRun.open(out, workDir, "", terminal)) {
                SyncEngine engine = run.engine();
                ProgressListener progress = run.progress();
                Path activityFile = run.files().activity();
                List<Flow<?>> flows = flows(pos, erp, shop.defaultDebtorNumber());

                out.println();
                out.println("day 1: everything the POS has moves to the ERP; the warehouse's stock moves to the POS");
                List<SyncReport> first = runFlows(engine, flows, progress, () -> shop.receiveGoods(erpSandbox));
                TABLE.print(out, "day 1", first);

                shop.nextDay(posSandbox, erpSandbox);
                out.println();
                out.printf("day 2: %d products and %d customer changed, %d new customers and %d new sales in the POS; %d stock"
                                + " levels changed and %d invoices cancelled in the ERP%n", DemoShop.CHANGED_PRODUCTS,
                        DemoShop.CHANGED_CUSTOMERS, DemoShop.NEW_CUSTOMERS, DemoShop.NEW_SALES, DemoShop.CHANGED_STOCK,
                        DemoShop.CANCELLED_INVOICES);
                List<SyncReport> second = runFlows(engine, flows, progress, () -> { });
                TABLE.print(out, "day 2 (only the changes move)", second);
                out.println();
                out.println("activity log written to " + activityFile.toAbsolutePath());
                long voided = posSandbox.records("Sale").stream().filter(r -> r.path("voided").asText().equals("true")).count();
                List<String> numbers = erpSandbox.rows("salesInvoices").stream()
                        .map(r -> r.path("externalDocumentNumber").asText()).toList();
                Map<String, String> journals = new java.util.HashMap<>();
                erpSandbox.rows("customerPaymentJournals").forEach(j -> journals.put(j.get("id").asText(), j.get("code").asText()));
                Map<String, Integer> paymentLines = new java.util.TreeMap<>();
                erpSandbox.rows("customerPayments").forEach(p -> paymentLines.merge(journals.get(p.path("journalId").asText()), 1, Integer::sum));
                out.println("payments entered in the ERP's payment journals: " + paymentLines);
                long persons = erpSandbox.rows("contacts").stream().filter(c -> c.path("type").asText().equals("Person")).count();
                out.println("contact persons of company debtors in the ERP: " + persons);
                return new Result(first, second, numbers.size(), new java.util.HashSet<>(numbers).size(), voided, paymentLines,
                        persons);
            }
        }
    }

    /** Syncs real accounts once, as configured. */
    static void runReal(PrintStream out, Path workDir, DemoConfig config) {
        LightspeedRetail pos = LightspeedRetail.connect(config.lightspeed());
        BusinessCentral erp = BusinessCentral.connect(erpSettings(config.businessCentral()));
        Path stateFile = workDir.resolve("state-" + config.name() + ".db");
        Path activityFile = workDir.resolve("activity-" + config.name() + ".jsonl");
        out.println("possync: Lightspeed Retail ⇄ Business Central; state " + stateFile.toAbsolutePath());
        ProgressListener progress = new ProgressListener(out, System.console() != null);
        try (JsonLinesActivityLog activity = new JsonLinesActivityLog(activityFile)) {
            SyncEngine engine = SyncEngine.builder().stateStore(JdbcStateStore.sqlite(stateFile)).listener(progress)
                    .listener(activity).build();
            List<SyncReport> reports = runFlows(engine, flows(pos, erp, config.defaultDebtor()), progress, () -> { });
            TABLE.print(out, "sync", reports);
            out.println("activity log written to " + activityFile.toAbsolutePath());
        }
    }

    /**
     * The ERP data the POS does not have: tax codes per country and rate, the payment journal of each
     * POS payment method, defaults for new debtors.
     */
    private static BusinessCentralSettings erpSettings(BusinessCentralSettings.Builder b) {
        return b.homeCountry("NL")
                .taxCode("NL", new BigDecimal("21"), "HOOG").taxCode("NL", new BigDecimal("9"), "LAAG")
                .taxCode("BE", new BigDecimal("21"), "BE-HOOG").taxCode("BE", new BigDecimal("9"), "BE-LAAG")
                .paymentJournal("Cash", "KAS").paymentJournal("Credit Card", "BANK")
                .paymentTerms("COD").paymentMethod("CARD").vatBusinessPostingGroup("BINNENLAND")
                .build();
    }

    /** The retailer's flows, in the order they must run: master data before the sales that refer to it. */
    static List<Flow<?>> flows(LightspeedRetail pos, BusinessCentral erp, String defaultDebtor) {
        List<Flow<?>> flows = new ArrayList<>();
        flows.add(Flow.products("products pos→erp").from(pos.items()).to(erp.items()).build());
        flows.add(Flow.customers("customers pos→erp").from(pos.customers()).to(erp.customers()).build());
        flows.add(Flow.orders("sales pos→erp").from(pos.sales()).to(erp.salesInvoices()).kind(OrderKind.INVOICE)
                .customers(erp.customers()).products(erp.items()).defaultDebtor(defaultDebtor).build());
        // Configurable products are stocked per variant in Lightspeed, each an item of its matrix; with the
        // extension's variant stock route (the sandbox demo's) each variant's stock moves under its SKU. The
        // matrix itself holds no stock of its own. Without the route only simple products' stock moves.
        flows.add(Flow.stock("stock erp→pos").from(erp.stock()).to(pos.stock())
                .filter(level -> !level.sku().startsWith("matrix-")).build());
        // An R-Series sale is completed or voided: a cancelled invoice voids the sale it came from.
        flows.add(Flow.orderStatus("status erp→pos").from(erp.salesInvoices()).to(pos.sales())
                .filter(invoice -> invoice.status() == OrderStatus.CANCELLED).build());
        return flows;
    }

    private static List<SyncReport> runFlows(SyncEngine engine, List<Flow<?>> flows, ProgressListener progress,
                                             Runnable beforeStock) {
        return DemoRun.runFlows(engine, flows, progress, "stock", beforeStock);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the previous demo state " + file, e);
        }
    }
}
