package io.possync.connector.businesscentral.internal;

import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.http.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * An item's picture from its product's main image: downloaded from the image URL (http or https, at
 * most 10 MB) and uploaded with {@code PATCH items({id})/picture/pictureContent} (REFERENCE §3.7).
 */
public final class ItemPictures {

    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final ODataSession session;
    private final HttpClient downloads;

    /** Pictures of {@code session}'s items. */
    public ItemPictures(ODataSession session) {
        this.session = session;
        this.downloads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Uploads the image at {@code imageUrl} as {@code item}'s picture; the failure, if any. */
    public Optional<PossyncException> upload(Ref item, String imageUrl) {
        byte[] image;
        try {
            image = download(imageUrl);
        } catch (RecordRejectedException | TransientException e) {
            return Optional.of(e);
        }
        try {
            session.api().send(ApiRequest.method("PATCH", session.companyPath() + "/items(" + item.id() + ")/picture/pictureContent")
                    .body(image, "application/octet-stream").header("If-Match", "*").idempotent(true).build());
            return Optional.empty();
        } catch (RecordRejectedException | TransientException e) {
            return Optional.of(e);
        }
    }

    private byte[] download(String url) {
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
            response = downloads.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
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
                throw new TransientException("the image at " + url + " answered HTTP " + status, null, status);
            }
            if (status != 200) {
                throw RecordRejectedException.builder("the image at " + url + " answered HTTP " + status).fieldPath("imageUrls[0]").build();
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw RecordRejectedException.builder("the image at " + url + " is larger than 10 MB").fieldPath("imageUrls[0]").build();
            }
            return bytes;
        } catch (IOException e) {
            throw new TransientException("the image at " + url + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
