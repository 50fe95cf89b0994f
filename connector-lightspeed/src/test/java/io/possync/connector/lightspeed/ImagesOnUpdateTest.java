package io.possync.connector.lightspeed;

import com.sun.net.httpserver.HttpServer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An item keeps one image; an update replaces it only when switched on and the product's image is another file. */
class ImagesOnUpdateTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
    private final HttpServer cdn = cdn();

    @AfterEach
    void stop() {
        cdn.stop(0);
        sandbox.close();
    }

    private static HttpServer cdn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("\u00ff\u00d8 " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.ISO_8859_1);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Product mug(String image) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, "MUG-9"), "MUG-9", Instant.parse("2026-12-01T08:00:00Z")).name("Mug")
                .imageUrls(List.of("http://127.0.0.1:" + cdn.getAddress().getPort() + "/" + image)).build();
    }

    private List<String> imageFiles(LightspeedRetail pos, Ref item) {
        return sandbox.records("Item").stream().filter(i -> i.path("itemID").asText().equals(item.id()))
                .flatMap(i -> {
                    List<String> names = new java.util.ArrayList<>();
                    i.path("Images").path("Image").forEach(image -> names.add(image.path("filename").asText()));
                    return names.stream();
                }).toList();
    }

    private Ref createThenUpdate(LightspeedRetail pos, String first, String second) {
        Ref item = pos.items().create(new MappedRecord<>(mug(first), Json.MAPPER.createObjectNode().put("description", "Mug")
                .put("customSku", "MUG-9")));
        pos.items().update(item, new MappedRecord<>(mug(second), Json.MAPPER.createObjectNode().put("description", "Mug")));
        return item;
    }

    @Test
    void byDefaultAnUpdateKeepsTheItemsImage() {
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());

        Ref item = createThenUpdate(pos, "mug.jpg", "mug-2027.jpg");

        assertThat(imageFiles(pos, item)).containsExactly("mug.jpg");
    }

    @Test
    void switchedOnAnUpdateWithAnotherFileReplacesTheImage() {
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).imagesOnUpdate(true).build());

        Ref item = createThenUpdate(pos, "mug.jpg", "mug-2027.jpg");

        assertThat(imageFiles(pos, item)).as("still one image: the new one").containsExactly("mug-2027.jpg");
        assertThat(sandbox.requestCount("DELETE Image")).isEqualTo(1);
    }

    @Test
    void switchedOnAnUpdateWithTheSameFileUploadsNothing() {
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).imagesOnUpdate(true).build());

        Ref item = createThenUpdate(pos, "mug.jpg", "mug.jpg");

        assertThat(imageFiles(pos, item)).containsExactly("mug.jpg");
        assertThat(sandbox.requestCount("DELETE Image")).isZero();
    }
}
