package io.streamdingo.hashing;

import static io.streamdingo.hashing.HandlerSources.handler;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** HS-1 and HS-2: what changes a handler's fingerprint and what does not, from source and from bytecode. */
class HandlerFingerprintsTest {

    abstract static class FingerprintRules {

        abstract boolean withProcessor();

        abstract HandlerFingerprint.Origin expectedOrigin();

        HandlerFingerprint fingerprint(HandlerSources code, String handler) {
            Method method = handler(code.compile(withProcessor()), handler);
            return new HandlerFingerprints().fingerprint(method);
        }

        @Test
        void comesFromTheExpectedOrigin() {
            assertThat(fingerprint(HandlerSources.original(), "added").origin()).isEqualTo(expectedOrigin());
        }

        @Test
        void isTheSameWhenTheSameCodeIsCompiledAgain() {
            assertThat(fingerprint(HandlerSources.original(), "added"))
                    .isEqualTo(fingerprint(HandlerSources.original(), "added"));
        }

        @Test
        void ignoresWhitespaceAndComments() {
            HandlerSources reformatted = HandlerSources.original()
                    .with(
                            "shop/CartHandlers.java",
                            "return new Cart(cart.count() + event.quantity(),",
                            "// the count grows by the quantity\n\n        return   new Cart( cart.count()\n"
                                    + "              + event.quantity() /* units */ ,")
                    .with("shop/Pricing.java", "return sum + price;", "/* plain sum */ return sum+price;");

            assertThat(fingerprint(reformatted, "added").hash())
                    .isEqualTo(fingerprint(HandlerSources.original(), "added").hash());
        }

        @Test
        void changesWhenAnExpressionOfTheHandlerChanges() {
            HandlerSources changed = HandlerSources.original()
                    .with(
                            "shop/CartHandlers.java",
                            "cart.count() + event.quantity()",
                            "cart.count() - event.quantity()");

            assertThat(fingerprint(changed, "added").hash())
                    .isNotEqualTo(
                            fingerprint(HandlerSources.original(), "added").hash());
        }

        @Test
        void changesWhenAHelperItCallsChanges() {
            HandlerSources changed = HandlerSources.original()
                    .with("shop/Pricing.java", "return sum + price;", "return sum + 2 * price;");

            assertThat(fingerprint(changed, "added").hash())
                    .isNotEqualTo(
                            fingerprint(HandlerSources.original(), "added").hash());
        }

        @Test
        void staysTheSameWhenAHelperItDoesNotCallChanges() {
            HandlerSources changed = HandlerSources.original()
                    .with("shop/Pricing.java", "return sum + price;", "return sum + 2 * price;");

            assertThat(fingerprint(changed, "cleared").hash())
                    .isEqualTo(fingerprint(HandlerSources.original(), "cleared").hash());
        }

        @Test
        void staysTheSameWhenTheHandlerMovesToAnotherClass() throws ClassNotFoundException {
            Class<?> handlers = HandlerSources.original().compile(withProcessor());
            Method moved = handler(handlers.getClassLoader().loadClass("shop.MovedHandlers"), "cleared");
            HandlerFingerprints fingerprints = new HandlerFingerprints();

            assertThat(fingerprints.fingerprint(moved).hash())
                    .isEqualTo(fingerprints
                            .fingerprint(handler(handlers, "cleared"))
                            .hash());
        }

        @Test
        void differsBetweenTwoHandlers() {
            assertThat(fingerprint(HandlerSources.original(), "added").hash())
                    .isNotEqualTo(
                            fingerprint(HandlerSources.original(), "cleared").hash());
        }
    }

    @Nested
    class FromTheAnnotationProcessor extends FingerprintRules {
        @Override
        boolean withProcessor() {
            return true;
        }

        @Override
        HandlerFingerprint.Origin expectedOrigin() {
            return HandlerFingerprint.Origin.COMPILED_SOURCE;
        }
    }

    @Nested
    class FromBytecodeWhenTheProcessorDidNotRun extends FingerprintRules {
        @Override
        boolean withProcessor() {
            return false;
        }

        @Override
        HandlerFingerprint.Origin expectedOrigin() {
            return HandlerFingerprint.Origin.BYTECODE;
        }
    }
}
