package org.safepassage.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Marks a demo data loader: it runs unless {@code safepassage.demo.enabled} (environment
 * {@code SAFEPASSAGE_DEMO}) is false. The one place that setting and its default are
 * written.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnBooleanProperty(name = "safepassage.demo.enabled", matchIfMissing = true)
public @interface DemoData {

}
