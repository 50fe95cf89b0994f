package io.possync.api.http;

import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads a product image so a connector can upload it to a system that stores images itself
 * (Business Central's item picture, a Lightspeed item's image): http or https only, at most 10 MB,
 * redirects followed. A server error is transient; a bad URL or a missing image rejects the record
 * with the field {@code imageUrls[0]}.
 *
 * <pre>{@code
 * ImageDownload.Image image = ImageDownload.create().fetch(product.imageUrls().get(0));
 * api.send(ApiRequest.method("PATCH", picturePath).body(image.bytes(), image.contentType()).build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ImageDownload {

    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final HttpClient client;

    private ImageDownload(HttpClient client) {
        this.client = client;
    }

    /** A downloader with its own HTTP client. */
    public static ImageDownload create() {
        return new ImageDownload(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /**
     * A downloaded image.
     *
     * @param bytes       the image
     * @param contentType its media type as the server said, or guessed from the URL
     * @param fileName    the last path segment of the URL
     */
    public record Image(byte[] bytes, String contentType, String fileName) {
    }

    /** The image at {@code url}. */
    public Image fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw RecordRejectedException.builder("the image URL is not a URL: " + url).fieldPath("imageUrls[0]").build();
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw RecordRejectedException.builder("the image URL must be http or https: " + url).fieldPath("imageUrls[0]").build();
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TransientException("the image at " + url + " could not be downloaded (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while downloading " + url, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 429 || status >= 500) {
                throw TransientException.builder("the image at " + url + " answered HTTP " + status).httpStatus(status).build();
            }
            if (status != 200) {
                throw RecordRejectedException.builder("the image at " + url + " answered HTTP " + status).fieldPath("imageUrls[0]").build();
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw RecordRejectedException.builder("the image at " + url + " is larger than 10 MB").fieldPath("imageUrls[0]").build();
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String type = response.headers().firstValue("Content-Type").orElseGet(() -> guess(name));
            return new Image(bytes, type, name.isEmpty() ? "image" : name);
        } catch (IOException e) {
            throw new TransientException("the image at " + url + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String guess(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".gif")) {
            return "image/gif";
        }
        if (n.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}
