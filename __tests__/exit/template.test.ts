import { ConversionError } from "../../tools/exit/errors";
import { quoteLiteral, quoteTemplate, templateExpression } from "../../tools/exit/template";

const at = "$.resource.x.y.z";

describe("a JSON string as a quoted native template", () => {
  test("GIVEN quotes, backslashes, newlines, tabs and a control character THEN each is escaped", () => {
    expect(quoteTemplate('say "hi"\\now\n\tthen\u0001', at)).toBe('"say \\"hi\\"\\\\now\\n\\tthen\\u0001"');
  });

  test("GIVEN an interpolation with quoted strings and braces inside THEN it is copied as it is", () => {
    const text = 'a "b" ${join(", ", [for k, v in { x = "}" } : "${k}=\\"${v}\\""])} "c"';
    expect(quoteTemplate(text, at)).toBe(
      '"a \\"b\\" ${join(", ", [for k, v in { x = "}" } : "${k}=\\"${v}\\""])} \\"c\\""',
    );
  });

  test("GIVEN a directive THEN it is copied and the text around it escaped", () => {
    expect(quoteTemplate('%{ if var.on }"on"%{ else }off%{ endif }', at)).toBe(
      '"%{ if var.on }\\"on\\"%{ else }off%{ endif }"',
    );
  });

  test("GIVEN $${ and %%{ escapes THEN they stay escapes, and what follows them is literal text", () => {
    expect(quoteTemplate('arn:${var.p}:role/$${aws:username} "%%{x}"', at)).toBe(
      '"arn:${var.p}:role/$${aws:username} \\"%%{x}\\""',
    );
  });

  test("GIVEN an interpolation that is never closed THEN the error names the JSON path", () => {
    expect(() => quoteTemplate('x ${foo("}")', at)).toThrow(ConversionError);
    expect(() => quoteTemplate('x ${foo("}")', at)).toThrow(
      /^\$\.resource\.x\.y\.z: an interpolation that is never closed/,
    );
  });

  test("GIVEN a heredoc inside an interpolation THEN it is an error, not a guess", () => {
    expect(() => quoteTemplate("${<<EOT\nx\nEOT\n}", at)).toThrow(/heredoc/);
  });
});

describe("a JSON string as a native expression", () => {
  test("GIVEN one interpolation and nothing else THEN the expression is written bare", () => {
    expect(templateExpression('${aws_iam_role.execution["a/b"].arn}', at)).toBe('aws_iam_role.execution["a/b"].arn');
  });

  test("GIVEN an interpolation with text around it, or two THEN it stays a template", () => {
    expect(templateExpression("${var.a}-x", at)).toBe('"${var.a}-x"');
    expect(templateExpression("${var.a}${var.b}", at)).toBe('"${var.a}${var.b}"');
  });

  test("GIVEN a strip marker THEN it stays a template (stripping changes the value)", () => {
    expect(templateExpression("${~ var.a ~}", at)).toBe('"${~ var.a ~}"');
  });

  test("GIVEN a sole interpolation over several lines THEN it is written in parentheses", () => {
    expect(templateExpression("${a ==\n b}", at)).toBe("(a ==\n b)");
  });

  test("GIVEN a string taken literally THEN ${ and %{ are escaped so nothing interpolates", () => {
    expect(quoteLiteral('${x} %{y} "z"')).toBe('"$${x} %%{y} \\"z\\""');
  });
});
