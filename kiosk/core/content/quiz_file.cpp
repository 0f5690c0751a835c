// quiz.toml: classroom quiz questions.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_quiz(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "quiz.toml");
  each_table(file, "question", "[[question]]", [&](TableReader& r) {
    QuizQuestion q;
    q.pos = r.pos("id");
    q.id = r.string("id", Need::required);
    q.question = r.text("question", Need::required);
    if (const toml::array* choices = r.array("choices", Need::required)) {
      for (const auto& c : *choices) {
        const toml::table* t = c.as_table();
        if (!t) {
          ctx.error(c.source(), "each choice must be a table like { zh = \"…\", en = \"…\" }",
                    "每个选项都要写成 { zh = \"…\", en = \"…\" } 这样的中英文对照");
          continue;
        }
        TableReader choice(*t, ctx, "a choice");
        q.choices.push_back({choice.string("zh"), choice.string("en")});
      }
      if (q.choices.size() < 2)
        ctx.error(choices->source(), "a question needs at least two choices", "每道题至少要有两个选项");
    }
    // Editors count choices from 1.
    auto answer = r.integer("answer", Need::required);
    if (answer && (*answer < 1 || *answer > static_cast<long long>(q.choices.size())))
      ctx.error(
          r.region("answer"),
          "'answer' must be the number of one of the choices (1 to " + std::to_string(q.choices.size()) + ")",
          "'answer' 必须是其中一个选项的序号（1 到 " + std::to_string(q.choices.size()) + "）");
    q.answer = answer ? static_cast<int>(*answer) - 1 : 0;
    q.explanation = r.text("explanation");
    pack.quiz.push_back(std::move(q));
  });
}

}  // namespace kiosk::content
