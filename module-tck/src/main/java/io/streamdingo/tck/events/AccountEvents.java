package io.streamdingo.tck.events;

import io.streamdingo.api.EventType;
import io.streamdingo.api.privacy.DataSubject;
import io.streamdingo.api.privacy.PersonalData;
import java.util.List;

/** Events of a bank account whose owners' names, streets and contact details are personal data. */
public final class AccountEvents {

    private AccountEvents() {}

    /** A street is personal, the city is not. */
    public record Address(@PersonalData String street, String city) {}

    /** A contact's kind is not personal, its value is. */
    public record Contact(String kind, @PersonalData String value) {}

    /** An account was opened for its owner, whose id names the data subject. */
    @EventType(name = "tck.AccountOpened")
    public record AccountOpened(
            @DataSubject String ownerId,
            @PersonalData String ownerName,
            Address address,
            List<Contact> contacts,
            long limit) {}

    /** A second owner joined the account: the stream now holds the data of two subjects. */
    @EventType(name = "tck.CoOwnerAdded")
    public record CoOwnerAdded(@DataSubject String coOwnerId, @PersonalData String name) {}

    /** Money came in; nothing personal. */
    @EventType(name = "tck.Deposited")
    public record Deposited(long amount) {}

    /** An account opened for {@code ownerId} named {@code name}, with a street and two contacts derived from it. */
    public static AccountOpened opened(String ownerId, String name) {
        return new AccountOpened(
                ownerId,
                name,
                new Address("1 " + name + " Lane", "Leeds"),
                List.of(new Contact("email", name + "@example.com"), new Contact("phone", "+44 " + name.length())),
                100);
    }
}
