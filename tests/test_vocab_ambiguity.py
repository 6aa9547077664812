"""Ambiguity rules of the vocabulary, proven on real sentences in both directions.

Names that are English words or letters must not become skills in ordinary prose, and must be
found in a skills list or next to related tools. Each case names the skill id it is about.
"""

from __future__ import annotations

import pytest

from atsmatch import extract_skills


def ids(text: str) -> set[str]:
    """Skill ids found in one piece of text."""
    return {hit.skill_id for hit in extract_skills(text)}


# (sentence, skill id that must NOT be found)
NOT_SKILLS = [
    ("Ten years of R&D leadership in consumer electronics.", "r-lang"),
    ("Own our go to market plan for the new product line.", "golang"),
    ("Ready to go the extra mile for our customers.", "golang"),
    ("Your stories will spark interest in science among students.", "apache-spark"),
    ("You excel at building relationships with partners.", "excel"),
    ("Excel at communication and thrive under pressure.", "excel"),
    ("She studied Lambda calculus and type theory.", "aws-lambda"),
    ("The new contract was a ray of hope for the team.", "ray"),
    ("Julia Smith, our recruiter, will call you this week.", "julia"),
    ("Write to Julia at the front desk to book a room.", "julia"),
    ("We harness the power of data to help farmers.", "harness-io"),
    ("A lean team that moves fast and ships weekly.", "lean"),
    ("Raised funds from a census of local households.", "census-reverse-etl"),
    ("Each customer segment gets its own campaign.", "twilio-segment"),
    ("Butterflies flutter in the garden all summer.", "flutter"),
    ("A kind and patient colleague who helps others.", "kind-k8s"),
    ("The zoom lens on the camera broke.", "zoom-app"),
    ("The restaurant serves cucumber salad and handmade dumplings.", "cucumber-bdd"),
    ("Please access the portal with your badge.", "microsoft-access"),
    ("We drive innovation across the company.", "creativity"),
    ("We offer flexibility of working hours.", "adaptability"),
    ("Reduced cloud spend through cost optimisation.", "operations-research"),
    ("Reduced cloud spend through cost optimisation.", "optimization"),
    ("The Apache helicopter fleet needs maintenance.", "apache-http-server"),
    ("Experience in C++ and C# is a plus.", "c-lang"),
    ("Write Objective-C for our legacy iOS app.", "c-lang"),
    ("Frontend in JavaScript and TypeScript.", "java"),
]

# (sentence, skill id that MUST be found)
SKILLS = [
    ("Languages: Python, R, SQL, Scala", "r-lang"),
    ("Statistical modelling in R and Stata with ggplot2.", "r-lang"),
    ("Languages: Go, Rust, C++", "golang"),
    ("Wrote microservices in Go and deployed them on Kubernetes.", "golang"),
    ("Built ETL jobs in Spark on Databricks and Delta Lake.", "apache-spark"),
    ("Tools: Excel, Tableau, Power BI", "excel"),
    ("Deployed AWS Lambda functions behind API Gateway.", "aws-lambda"),
    ("Distributed hyperparameter search with Ray Tune and PyTorch.", "ray"),
    ("Languages: Julia, Python, MATLAB", "julia"),
    ("Numerical solvers in Julia and Fortran for climate models.", "julia"),
    ("Mobile apps in Flutter and Dart for iOS and Android.", "flutter"),
    ("Local clusters with KinD and minikube for Helm chart tests.", "kind-k8s"),
    ("Unit tests with Jest and Cypress for the React front end.", "jest-js"),
    ("Ran an A/B test on the checkout page.", "ab-testing"),
    ("Designed A/B tests and analysed them with CUPED.", "ab-testing"),
    ("Reduced cloud spend through cost optimisation.", "finops"),
    ("Holds the AWS Certified Machine Learning Engineer – Associate certification.", "aws-mla-c01"),
    ("Holds the AWS Certified Machine Learning Engineer - Associate certification.", "aws-mla-c01"),
    ("Passed MLA-C01 in 2025.", "aws-mla-c01"),
    ("Fine-tuned Llama 3 and GPT-4o with LoRA adapters.", "llama"),
    ("Fine-tuned Llama 3 and GPT-4o with LoRA adapters.", "gpt"),
    ("Fine tuning of BERT models for NER.", "fine-tuning"),
    ("Queued jobs on Amazon SQS and stored results in AWS S3.", "amazon-s3"),
    ("Streamed events with GCP Pub/Sub into BigQuery.", "bigquery"),
    ("Modelling customer churn with gradient boosted trees.", "gradient-boosting"),
    ("Data labelling with Label Studio for a defect detection model.", "data-labeling"),
    ("Experience with Spring Boot, Hibernate and JUnit.", "hibernate"),
    ("Experience with Java, Spring and Hibernate.", "spring-framework"),
    ("Message brokers: RabbitMQ, Apache ActiveMQ, IBM MQ.", "ibm-mq"),
    ("Follows SAFe and Kanban in a scaled agile setup.", "safe-agile"),
]


class TestNotSkills:
    """Everyday words, names and glued letters do not become skills."""

    @pytest.mark.parametrize(("text", "skill_id"), NOT_SKILLS)
    def test_not_found(self, text: str, skill_id: str) -> None:
        """The sentence does not yield the ambiguous skill."""
        assert skill_id not in ids(text)


class TestSkills:
    """The same names count in skills lists, next to related tools, and in their long forms."""

    @pytest.mark.parametrize(("text", "skill_id"), SKILLS)
    def test_found(self, text: str, skill_id: str) -> None:
        """The sentence yields the skill."""
        assert skill_id in ids(text)


class TestForms:
    """Specific spellings map to the entry a reader means."""

    def test_lambda_calculus_is_maths(self) -> None:
        """ "Lambda calculus" yields calculus, never the AWS service."""
        found = ids("Taught Lambda calculus to undergraduates.")
        assert "calculus" in found
        assert "aws-lambda" not in found

    def test_longest_form_wins(self) -> None:
        """ "Apache Spark MLlib" is the MLlib entry, not Spark plus a stray word."""
        hits = extract_skills("Trained models with Spark MLlib on EMR.")
        assert [h.skill_id for h in hits if "MLlib" in h.text] == ["spark-mllib"]

    def test_vendor_prefixed_forms(self) -> None:
        """ "AWS Redshift", "Microsoft Azure Functions" and "GCP Cloud Run" reach their services."""
        text = "Loaded AWS Redshift, wrote Microsoft Azure Functions and served on GCP Cloud Run."
        assert {"amazon-redshift", "azure-functions", "cloud-run"} <= ids(text)

    def test_former_names(self) -> None:
        """Retired product names still reach today's entry."""
        assert "vertex-ai" in ids("Trained models on Google AI Platform.")
        assert "amazon-opensearch-service" in ids("Indexed logs in Amazon Elasticsearch Service.")
