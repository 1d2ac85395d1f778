package io.streamdingo.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The demo application as built, with a test class added: what in-container tests deploy. */
final class DemoDeployment {

    private DemoDeployment() {}

    /** Named {@code name}.war: the demo itself already runs under its own name on the same server. */
    static WebArchive with(Class<?> testClass, String name) {
        WebArchive demo = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/demo/streamdingo-demo.war"));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(demo)
                .addClass(testClass)
                .addClass(DemoDeployment.class);
    }
}
