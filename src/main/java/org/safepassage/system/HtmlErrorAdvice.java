package org.safepassage.system;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Pages for people: a clear message in the site's layout, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlErrorAdvice {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND, "error.notFound");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badPathOrParameter() {
		return page(HttpStatus.NOT_FOUND, "error.notFound");
	}

	@ExceptionHandler(RuleViolation.class)
	ModelAndView ruleViolation(RuleViolation violation) {
		return page(HttpStatus.CONFLICT, violation.messageKey());
	}

	/**
	 * The database is away (stopped, restarting, its disk full): a rollback or commit
	 * that fails on a dead connection is a {@link TransactionSystemException}, the same
	 * fault.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ModelAndView databaseUnavailable(Exception cause, HttpServletResponse response) {
		DatabaseUnavailableLog.answered503(cause);
		response.setHeader("Retry-After", "5");
		return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
	}

	private static ModelAndView page(HttpStatus status, String messageKey) {
		ModelAndView view = new ModelAndView("error/message");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("messageKey", messageKey);
		return view;
	}

}
