package org.safepassage.letters.writing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A letter is plain text: HTML tags typed or pasted in are refused with a message rather
 * than sent as tags a representative would read literally (or, in a careless mail client,
 * run). A lone {@code <} as in "fewer than <500" is text and passes.
 */
@Documented
@Constraint(validatedBy = NoMarkup.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoMarkup {

	String message() default "{letters.validation.noMarkup}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NoMarkup, String> {

		private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^<>]*>|&#?[a-zA-Z0-9]+;");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || !TAG.matcher(value).find();
		}

	}

}
