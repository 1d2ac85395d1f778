package ${package};

import io.streamdingo.api.replay.AggregateRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** REST under {@code /api/carts}: add items (appended as events), read a cart (replayed from them). */
@Path("carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartResource {

    /** The body of {@code POST /api/carts/{id}/items}. */
    public record Addition(String item, int quantity) {}

    @Inject
    AggregateRepository<Cart> carts;

    @Inject
    ItemsSeen seen;

    /**
     * Loads the cart, decides, and appends with the loaded version: a concurrent change fails, never merges.
     * Bad input is answered 400 with what to send.
     */
    @POST
    @Path("{id}/items")
    public Response add(@PathParam("id") String id, Addition addition) {
        if (addition == null || addition.item() == null || addition.item().isBlank() || addition.quantity() < 1) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "give an item and a quantity of at least 1"))
                    .build();
        }
        carts.update(id, cart -> List.of(new ItemAdded(addition.item(), addition.quantity())));
        return Response.ok(carts.load(id).state()).build();
    }

    @GET
    @Path("{id}")
    public Cart cart(@PathParam("id") String id) {
        return carts.load(id).state();
    }

    /** What the consumer has seen of the cart: it follows the store a moment later. */
    @GET
    @Path("{id}/seen")
    public int seen(@PathParam("id") String id) {
        return seen.quantity(id);
    }
}
