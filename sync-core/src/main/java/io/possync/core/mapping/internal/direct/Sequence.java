package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;

/**
 * A JSONata sequence: the values a path yields, as opposed to an array value. A sequence of one
 * value is that value, an empty one is undefined ({@link Values#collapse}).
 */
final class Sequence extends ArrayList<JsonNode> {

    Sequence() {
        super(8);
    }
}
