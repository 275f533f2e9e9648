package org.tsunagu.problems;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads a national open-data file as it comes (streamed, never held in
 * memory): its body may exceed the 1 MiB that protects every other endpoint, up to
 * {@code tsunagu.import.max.bytes} ({@link BodyLimit}). Only requests that may be such an import (a POST
 * under {@code imports/} with a {@code format} parameter) get the larger limit before matching; after
 * matching, a method without this mark is held to 1 MiB again ({@link LargeBodyGuard}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {
}
