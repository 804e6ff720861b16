package org.mltrading.ui.shell;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees on a page of another role (a risk officer opening /compliance): the
 * shell with its menu, what happened in words, and the way to their own start page. Vaadin's
 * default was a bare white page "Could not navigate to 'compliance'" without menu or way back.
 * Answers 403. {@code @PermitAll}: error views are access-checked too.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    static final String ID = "access-denied";

    private final AuthenticationContext authentication;

    AccessDeniedView(AuthenticationContext authentication) {
        this.authentication = authentication;
        setId(ID);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        String path = "/" + event.getLocation().getPath();
        String user = authentication.getPrincipalName().orElse("you");
        add(new H3("This page is not available to your role"),
                new Paragraph(path + " is for other roles. You are signed in as " + user
                        + (authentication.getGrantedRoles().isEmpty() ? "" : " ("
                        + String.join(", ", authentication.getGrantedRoles().stream().sorted()
                        .map(StartPage::roleLabel).toList()) + ")") + "."));
        StartPage home = StartPage.of(authentication);
        RouterLink back = new RouterLink();
        back.setRoute(home.view());
        back.setText("Go to " + home.label());
        back.setId("access-denied-home");
        add(back);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
