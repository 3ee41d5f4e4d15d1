package io.gdprkit.jpa.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stand-in of gdpr-jpa's {@code @DataSubject}, with its name and members; see {@link PersonalData}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface DataSubject {

  String value() default "";

  String tenant() default "";
}
