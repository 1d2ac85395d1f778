package io.streamdingo.tck.replay;

import java.util.ArrayList;
import java.util.List;

/** A mutable cart state, changed in place by {@link MutableCartHandlers}. */
public final class MutableCart {

    private final List<String> skus = new ArrayList<>();

    /** The SKUs in the cart, in the order they were added. */
    public List<String> getSkus() {
        return skus;
    }

    void add(String sku) {
        skus.add(sku);
    }

    void remove(String sku) {
        skus.remove(sku);
    }
}
