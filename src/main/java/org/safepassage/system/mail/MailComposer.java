package org.safepassage.system.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from two templates, {@code templates/mail/<name>.html} and {@code .txt},
 * and its subject from the message key {@code mail.<name>.subject}, all in the
 * recipient's language.
 */
@Component
public class MailComposer {

	private final TemplateEngine htmlEngine;

	private final SpringTemplateEngine textEngine;

	private final MessageSource messages;

	/**
	 * The text engine gets the application's dialects too, so a text mail writes dates as
	 * the HTML one does ({@code #local.day}), in the recipient's language.
	 */
	MailComposer(TemplateEngine htmlEngine, MessageSource messages, List<IDialect> dialects) {
		this.htmlEngine = htmlEngine;
		this.messages = messages;
		ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
		text.setPrefix("templates/");
		text.setSuffix(".txt");
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding("UTF-8");
		this.textEngine = new SpringTemplateEngine();
		this.textEngine.setTemplateResolver(text);
		this.textEngine.setTemplateEngineMessageSource(messages);
		dialects.forEach(this.textEngine::addDialect);
	}

	public OutgoingMail compose(String recipient, String template, Map<String, Object> model, Locale locale,
			Object[] subjectArgs, Map<String, String> headers) {
		Context context = new Context(locale, model);
		String subject = messages.getMessage("mail." + template.replace('/', '.') + ".subject", subjectArgs, locale)
			.replaceAll("[\\r\\n]+", " ");
		context.setVariable("subject", subject);
		String html = htmlEngine.process("mail/" + template, context);
		String text = textEngine.process("mail/" + template, context);
		return new OutgoingMail(recipient, subject, text, html, template, headers);
	}

}
