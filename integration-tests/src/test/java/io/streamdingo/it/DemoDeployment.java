package io.streamdingo.it;

import jakarta.enterprise.inject.spi.Extension;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The demo application as built, with a test class added: what in-container tests deploy. */
final class DemoDeployment {

    private static final String EVENT_TYPE_INDEX = "/WEB-INF/classes/META-INF/streamdingo/event-types";
    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    private DemoDeployment() {}

    /** Named {@code name}.war: the demo itself already runs under its own name on the same server. */
    static WebArchive with(Class<?> testClass, String name) {
        return with(testClass, name, "");
    }

    /** As {@link #with(Class, String)}, with these configuration lines. */
    static WebArchive with(Class<?> testClass, String name, String configuration) {
        return with(name, configuration, testClass);
    }

    /** The demo named {@code name}.war with these configuration lines and these classes added. */
    static WebArchive with(String name, String configuration, Class<?>... classes) {
        WebArchive demo = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/demo/streamdingo-demo.war"));
        WebArchive copy = ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(demo)
                .addClasses(classes)
                .addClass(DemoDeployment.class);
        // series of its own in /metrics: the demo's would otherwise go when this copy is undeployed
        copy.delete(CONFIG);
        copy.add(new StringAsset("mp.metrics.appName=" + name + "\n" + configuration), CONFIG);
        return copy;
    }

    /**
     * A second service: the demo's libraries without the JPA store (it has no access to the bank's
     * database), the bank's event types with the demo's event-type index, and {@code service} with its nested
     * classes; its own store, positions
     * and snapshots are in memory, as its configuration says.
     */
    static WebArchive secondService(String name, Class<?> service) {
        return secondService(name, service, "");
    }

    /** A second service as {@link #secondService(String, Class)}, with these configuration lines added. */
    static WebArchive secondService(String name, Class<?> service, String configuration) {
        WebArchive demo = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/demo/streamdingo-demo.war"));
        WebArchive archive = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClass(io.streamdingo.demo.bank.BankEvents.class)
                .addClasses(io.streamdingo.demo.bank.BankEvents.class.getDeclaredClasses())
                .addClass(service)
                .addClasses(service.getDeclaredClasses())
                .addClass(io.streamdingo.demo.bank.ArtemisClientShutdown.class)
                .addAsServiceProvider(Extension.class, io.streamdingo.demo.bank.ArtemisClientShutdown.class)
                // an archive holding an extension is a bean archive only with a beans.xml (CDI 4: annotated)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // no store module on purpose: say that memory is wanted, or the deployment fails
                .addAsResource(
                        new StringAsset(
                                "streamdingo.store.in-memory=true\nmp.metrics.appName=" + name + "\n" + configuration),
                        "META-INF/microprofile-config.properties");
        demo.getContent(path ->
                        path.get().startsWith("/WEB-INF/lib/") && !path.get().contains("streamdingo-jpa-store"))
                .forEach((path, node) -> archive.add(node.getAsset(), path));
        // the bank's event types are registered from the index the compiler wrote, as in the demo
        archive.add(demo.get(EVENT_TYPE_INDEX).getAsset(), EVENT_TYPE_INDEX);
        return archive;
    }
}
