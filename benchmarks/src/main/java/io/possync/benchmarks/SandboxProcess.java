package io.possync.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The two sandboxes of {@link PosToErpOrderSyncHarness}, in their own JVM so that their stored data
 * does not count in the sync's heap. Seeds a Lightspeed account with N sales (1–5 lines, 30 % with a
 * customer, 30 % of those unknown to the ERP) and a Business Central company with the items and the
 * known customers; prints the endpoints, then answers {@code count} with the invoices Business
 * Central holds and {@code stop} by exiting.
 *
 * <pre>
 * java -cp benchmarks.jar io.possync.benchmarks.SandboxProcess [sales] [timeFactor] [busyRate] [lostWriteRate]
 * </pre>
 */
public final class SandboxProcess {

    static final int SKUS = 200;
    static final int CUSTOMERS = 500;

    private SandboxProcess() {
    }

    public static void main(String[] args) throws Exception {
        int sales = Integer.parseInt(args[0]);
        double factor = Double.parseDouble(args[1]);
        double busy = Double.parseDouble(args[2]);
        double lost = Double.parseDouble(args[3]);
        ScaledTime time = ScaledTime.startingAt(Instant.now(), factor);
        try (LightspeedSandbox pos = LightspeedSandbox.builder().time(time).shop("Amsterdam").shop("Utrecht").start();
             BusinessCentralSandbox erp = BusinessCentralSandbox.builder().pageSize(1000).rateLimitTime(time).start()) {
            seed(pos, erp, sales);
            pos.faults().randomly(busy, lost, 11);
            erp.faults().randomly(busy, lost, 12);
            List<String> issued = pos.issuedRefreshTokens();
            System.out.println("ls.api=" + pos.apiUri());
            System.out.println("ls.token=" + pos.tokenUri());
            System.out.println("ls.account=" + pos.accountId());
            System.out.println("ls.client=" + pos.clientId());
            System.out.println("ls.secret=" + pos.clientSecret());
            System.out.println("ls.refresh=" + issued.get(issued.size() - 1));
            System.out.println("bc.host=" + erp.apiHost());
            System.out.println("bc.tenant=" + erp.tenant());
            System.out.println("bc.environment=" + erp.environment());
            System.out.println("bc.client=" + erp.clientId());
            System.out.println("bc.secret=" + erp.clientSecret());
            System.out.println("bc.company=" + erp.companyName());
            System.out.println("bc.debtor=" + erp.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Till sales")
                    .put("type", "Company")).get("number").asText());
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                if (line.equals("count")) {
                    List<ObjectNode> invoices = erp.rows("salesInvoices");
                    Set<String> numbers = new HashSet<>();
                    invoices.forEach(i -> numbers.add(i.path("externalDocumentNumber").asText()));
                    System.out.println("invoices=" + invoices.size() + " distinct=" + numbers.size() + " lsThrottled="
                            + pos.throttledCount() + " bcThrottled=" + erp.throttledCount() + " faults=" + (pos.faults().injected()
                            + erp.faults().injected()));
                    System.out.flush();
                }
            }
        }
    }

    private static void seed(LightspeedSandbox pos, BusinessCentralSandbox erp, int sales) {
        Random random = new Random(7);
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            String sku = String.format("SKU-%04d", i);
            ObjectNode item = Json.MAPPER.createObjectNode().put("description", "Article " + i).put("customSku", sku);
            item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", "9.95").put("useType", "Default");
            itemIds.add(pos.seed("Item", item).get("itemID").asText());
            erp.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", "Article " + i)
                    .put("type", "Inventory"));
        }
        List<String> customerIds = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String email = "customer" + c + "@example.nl";
            ObjectNode customer = Json.MAPPER.createObjectNode().put("firstName", "Customer").put("lastName", String.valueOf(c));
            customer.putObject("Contact").putObject("Emails").putArray("ContactEmail").addObject().put("address", email)
                    .put("useType", "Primary");
            customerIds.add(pos.seed("Customer", customer).get("customerID").asText());
            if (c % 10 >= 3) {
                erp.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Customer " + c).put("email", email)
                        .put("type", "Person"));
            }
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        Instant start = Instant.parse("2026-10-01T09:00:00Z");
        for (int s = 0; s < sales; s++) {
            String stamp = format.format(start.plusSeconds(s * 7L / 5).atOffset(ZoneOffset.UTC));
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false")
                    .put("shopID", String.valueOf(1 + s % 2)).put("timeStamp", stamp).put("completeTime", stamp);
            if (random.nextInt(10) < 3) {
                sale.put("customerID", customerIds.get(random.nextInt(customerIds.size())));
            }
            ArrayNode lines = sale.putObject("SaleLines").putArray("SaleLine");
            int count = 1 + random.nextInt(5);
            for (int l = 0; l < count; l++) {
                lines.addObject().put("itemID", itemIds.get(random.nextInt(itemIds.size())))
                        .put("unitQuantity", String.valueOf(1 + random.nextInt(3))).put("unitPrice", "9.95").put("tax1Rate", "0.21");
            }
            pos.seed("Sale", sale);
        }
    }
}
