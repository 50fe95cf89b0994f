package io.possync.connector.businesscentral.internal;

import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ImageDownload;
import java.util.Optional;

/**
 * An item's picture from its product's main image: downloaded from the image URL (http or https, at
 * most 10 MB) and uploaded with {@code PATCH items({id})/picture/pictureContent} (FACTS.md §3.7).
 */
public final class ItemPictures {

    private final BusinessCentralSession session;
    private final ImageDownload downloads = ImageDownload.create();

    /** Pictures of {@code session}'s items. */
    public ItemPictures(BusinessCentralSession session) {
        this.session = session;
    }

    /** Whether {@code item} has a picture ({@code GET items({id})/picture}: an item without one has no content type). */
    public boolean hasOne(Ref item) {
        return !session.read(ApiRequest.get(session.companyPath() + "/items(" + item.id() + ")/picture")
                .query("$select", "contentType").build()).path("contentType").asText("").isEmpty();
    }

    /** Uploads the image at {@code imageUrl} as {@code item}'s picture; the failure, if any. */
    public Optional<PossyncException> upload(Ref item, String imageUrl) {
        try {
            byte[] image = downloads.fetch(imageUrl).bytes();
            session.api().send(ApiRequest.method("PATCH", session.companyPath() + "/items(" + item.id() + ")/picture/pictureContent")
                    .body(image, "application/octet-stream").header("If-Match", "*").idempotent(true).build());
            return Optional.empty();
        } catch (RecordRejectedException | TransientException e) {
            return Optional.of(e);
        }
    }
}
