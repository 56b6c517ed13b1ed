package org.safepassage.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A whole number typed as text, as people write it in forms and spreadsheets: digits,
 * with thousands separated by commas ("4,000"). Empty is allowed (add {@code @NotBlank}
 * to require it). Forms bind numbers as text so that one mistyped value keeps what was
 * typed and does not hide the messages for the other fields.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

	String message() default "{validation.wholeNumber}";

	long min() default 0;

	long max() default 9_999_999_999L;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<WholeNumber, String> {

		private long min;

		private long max;

		@Override
		public void initialize(WholeNumber annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			try {
				Long number = FormValues.wholeNumber(value);
				return number == null || (number >= min && number <= max);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

}
