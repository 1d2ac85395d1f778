package ${package};

/** A cart's state, rebuilt from its events by {@link CartHandlers}. */
public record Cart(int items) {}
