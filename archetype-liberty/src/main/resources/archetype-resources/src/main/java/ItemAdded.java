package ${package};

import io.streamdingo.api.EventType;

/**
 * An event: an item went into a cart. Its name is what the store keeps, so renaming the class later breaks
 * nothing; StreamDingo finds it by the annotation (no registration in code).
 */
@EventType(name = "ItemAdded")
public record ItemAdded(String item, int quantity) {}
