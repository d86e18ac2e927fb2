package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Thymeleaf behind Javalin's {@link FileRenderer}: templates are {@code templates/NAME.html} on the class path. */
final class Views implements FileRenderer {
    private final TemplateEngine engine = new TemplateEngine();

    Views() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String name, Map<String, ?> model, Context ctx) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        context.setVariables(new java.util.HashMap<>(model));
        return engine.process(name, context);
    }
}
