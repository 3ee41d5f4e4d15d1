package io.gdprkit.jpa.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stand-in of gdpr-jpa's {@code @PersonalData}, with its name and the members the rules read: gdpr-test cannot
 * depend on gdpr-jpa (whose tests depend on gdpr-test), and the rules read annotations by name. gdpr-jpa's own tests
 * run the rules on the real annotations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PersonalData {

  String category();

  Strategy strategy() default Strategy.NONE;

  String retention() default "";

  String obligation() default "";

  enum Strategy { NONE, DELETE_RECORD, NULL, REPLACE, HASH, MASK_IP, KEEP_YEAR, KEEP_LAST_FOUR }
}
