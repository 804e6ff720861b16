package org.mltrading.auth.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The auth server's few pages, styled like the platform (Lumo colours), without a template engine. */
public final class Pages {

    private Pages() {}

    public static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · ML Trading Platform</title>
                <style>
                  :root { color-scheme: light dark; --accent:#1676f3; --bg:#f4f6f9; --card:#fff; --text:#1a2535; --muted:#5b6b80; --error:#e3342f; }
                  @media (prefers-color-scheme: dark) { :root { --bg:#111a26; --card:#1b2636; --text:#e8edf4; --muted:#98a6ba; } }
                  * { box-sizing:border-box; }
                  body { margin:0; min-height:100vh; display:flex; align-items:center; justify-content:center;
                         background:var(--bg); color:var(--text); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
                  main { width:100%%; max-width:380px; background:var(--card); border-radius:12px; padding:32px;
                         box-shadow:0 8px 30px rgba(0,0,0,.12); }
                  .brand { display:flex; align-items:center; gap:10px; font-weight:600; font-size:18px; margin-bottom:24px; }
                  .brand span { display:inline-block; width:28px; height:28px; border-radius:7px;
                                background:linear-gradient(135deg,#1676f3,#00b37e); }
                  h1 { font-size:20px; margin:0 0 16px; }
                  label { display:block; font-size:13px; color:var(--muted); margin:14px 0 4px; }
                  input { width:100%%; padding:10px 12px; font-size:16px; border:1px solid #c3ccd8; border-radius:6px;
                          background:transparent; color:inherit; }
                  input:focus { outline:2px solid var(--accent); border-color:transparent; }
                  #code { letter-spacing:.4em; font-variant-numeric:tabular-nums; text-align:center; font-size:22px; }
                  button { width:100%%; margin-top:22px; padding:11px; border:0; border-radius:6px; background:var(--accent);
                           color:#fff; font-size:15px; font-weight:600; cursor:pointer; }
                  .error { color:var(--error); background:rgba(227,52,47,.08); border-radius:6px; padding:8px 12px; margin-bottom:8px; }
                  .hint { color:var(--muted); font-size:13px; }
                  .qr { display:block; margin:12px auto; width:200px; height:200px; background:#fff; padding:8px; border-radius:8px; }
                  code { font-size:13px; word-break:break-all; }
                </style></head>
                <body><main><div class="brand"><span></span>ML Trading Platform</div>%s</main></body></html>
                """.formatted(escape(title), body);
    }

    public static String csrfField(CsrfToken token) {
        return token == null ? "" : "<input type=\"hidden\" name=\"" + escape(token.getParameterName())
                + "\" value=\"" + escape(token.getToken()) + "\">";
    }

    public static String error(String message) {
        return message == null ? "" : "<div class=\"error\" role=\"alert\">" + escape(message) + "</div>";
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
