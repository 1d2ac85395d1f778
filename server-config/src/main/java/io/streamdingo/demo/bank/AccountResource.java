package io.streamdingo.demo.bank;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The bank over HTTP: open an account, deposit, withdraw, read the balance rebuilt from events. */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** The body of an account opening. */
    public record Opening(String owner, String currency) {}

    /** The body of a deposit or withdrawal. */
    public record Amount(BigDecimal amount) {}

    @Inject
    AccountService accounts;

    @Context
    UriInfo uri;

    @POST
    public Response open(Opening opening) {
        if (opening == null
                || opening.owner() == null
                || opening.owner().isBlank()
                || opening.owner().length() > 100) {
            throw new IllegalArgumentException("owner is required: 1 to 100 characters");
        }
        String currency = opening.currency() == null ? "EUR" : opening.currency();
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be three capital letters, e.g. EUR");
        }
        Account account = accounts.open(opening.owner().strip(), currency);
        // absolute, from the request: a relative URI would be resolved against the application's base (/api/)
        return Response.created(uri.getAbsolutePathBuilder().path(account.id()).build())
                .entity(account)
                .build();
    }

    @GET
    @Path("{id}")
    public Account balance(@PathParam("id") String id) {
        return accounts.load(id);
    }

    @POST
    @Path("{id}/deposits")
    public Account deposit(@PathParam("id") String id, Amount amount) {
        return accounts.deposit(id, positive(amount));
    }

    @POST
    @Path("{id}/withdrawals")
    public Account withdraw(@PathParam("id") String id, Amount amount) {
        return accounts.withdraw(id, positive(amount));
    }

    /** The body of a note. */
    public record Note(String text) {}

    @Inject
    AccountNotes notes;

    @POST
    @Path("{id}/notes")
    public Account annotate(@PathParam("id") String id, Note note) {
        if (note == null
                || note.text() == null
                || note.text().isBlank()
                || note.text().length() > 500) {
            throw new IllegalArgumentException("text is required: 1 to 500 characters");
        }
        notes.annotate(id, note.text());
        return accounts.load(id);
    }

    /** The body of a transfer. */
    public record Transfer(String to, BigDecimal amount) {}

    @POST
    @Path("{id}/transfers")
    public Response transfer(@PathParam("id") String id, Transfer transfer) {
        if (transfer == null || transfer.to() == null || transfer.to().isBlank()) {
            throw new IllegalArgumentException("to is required: the id of the receiving account");
        }
        String transferId = accounts.transfer(id, transfer.to(), positive(new Amount(transfer.amount())));
        return Response.ok(accounts.load(id))
                .header("X-Transfer-Id", transferId)
                .build();
    }

    private static BigDecimal positive(Amount amount) {
        if (amount == null || amount.amount() == null) {
            throw new IllegalArgumentException("amount is required, e.g. {\"amount\": 25.50}");
        }
        BigDecimal value = amount.amount();
        if (value.signum() <= 0 || value.scale() > 2 || value.compareTo(new BigDecimal("1000000000")) > 0) {
            throw new IllegalArgumentException(
                    "amount must be positive, at most 1,000,000,000, with at most two decimals; got " + value);
        }
        return value;
    }
}
