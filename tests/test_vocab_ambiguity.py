"""Ambiguity rules of the vocabulary, proven on real sentences in both directions.

Names that are English words or letters must not become skills in ordinary prose, and must be
found in a skills list or next to related tools. Each case names the skill id it is about.
"""

from __future__ import annotations

import pytest

from atsmatch import extract_skills

from .conftest import skill_ids

# (sentence, skill id that must NOT be found)
NOT_SKILLS = [
    ("The assembly line ran two shifts a day.", "assembly"),
    ("Shipped 40 containers of spare parts to the port.", "containerization"),
    ("Attention to accuracy and detail in every invoice.", "accuracy-metric"),
    ("Ran the waterfall of ad networks for the publisher.", "waterfall-model"),
    ("Set up SSL pretraining for the vision encoder.", "tls"),
    ("Built SSM layers for long sequences in the language model.", "aws-systems-manager"),
    ("Migrated the CDP to a new customer identity graph.", "cloudera"),
    ("Wrote custom Triton kernels for fused attention.", "triton-inference-server"),
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
    ("Reduced cloud spend through cost optimisation.", "cloud-cost-optimization"),
    ("Served models on Triton with TensorRT.", "triton-inference-server"),
    ("Wrote custom Triton kernels for fused attention.", "openai-triton"),
    ("CKAD", "ckad"),
    ("Built RAG on a vector database (Pinecone).", "vector-database"),
    ("Stored embeddings in vector stores.", "vector-database"),
    ("Added drift detection to the fraud models.", "drift-detection"),
    ("Forecast sales with a time series model.", "time-series-analysis"),
    ("Split the monolith into a microservice per domain.", "microservices"),
    ("Trained classifiers on imbalanced datasets.", "class-imbalance-handling"),
    ("Owned the ML lifecycle from data to monitoring.", "ml-lifecycle"),
    ("Ran EDA in Jupyter notebooks.", "data-analysis"),
    ("Renewed SSL certificates for every service.", "tls"),
    ("Assembly programming for ARM microcontrollers.", "assembly"),
    ("Containerized services with Docker.", "containerization"),
    ("Used Delta Live Tables (DLT) pipelines on Databricks.", "delta-live-tables"),
    ("Built an MMM for the media budget.", "marketing-mix-modeling"),
    ("Fine-tuned a VLM on product photos.", "vision-language-models"),
    ("Defined SLOs and error budgets.", "slos"),
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
        assert skill_id not in skill_ids(text)


class TestSkills:
    """The same names count in skills lists, next to related tools, and in their long forms."""

    @pytest.mark.parametrize(("text", "skill_id"), SKILLS)
    def test_found(self, text: str, skill_id: str) -> None:
        """The sentence yields the skill."""
        assert skill_id in skill_ids(text)


class TestForms:
    """Specific spellings map to the entry a reader means."""

    def test_lambda_calculus_is_maths(self) -> None:
        """ "Lambda calculus" yields calculus, never the AWS service."""
        found = skill_ids("Taught Lambda calculus to undergraduates.")
        assert "calculus" in found
        assert "aws-lambda" not in found

    def test_longest_form_wins(self) -> None:
        """ "Apache Spark MLlib" is the MLlib entry, not Spark plus a stray word."""
        hits = extract_skills("Trained models with Spark MLlib on EMR.")
        assert [h.skill_id for h in hits if "MLlib" in h.text] == ["spark-mllib"]

    def test_vendor_prefixed_forms(self) -> None:
        """ "AWS Redshift", "Microsoft Azure Functions" and "GCP Cloud Run" reach their services."""
        text = "Loaded AWS Redshift, wrote Microsoft Azure Functions and served on GCP Cloud Run."
        assert {"amazon-redshift", "azure-functions", "cloud-run"} <= skill_ids(text)

    def test_former_names(self) -> None:
        """Retired product names still reach today's entry."""
        assert "vertex-ai" in skill_ids("Trained models on Google AI Platform.")
        assert "amazon-opensearch-service" in skill_ids(
            "Indexed logs in Amazon Elasticsearch Service."
        )


# Generic words made context-bound in 2026.11.1 (precision pass on the SkillSpan dev postings):
# each appears once as a title, company blurb or everyday phrase, and once as the skill.
GENERIC_NOT_SKILLS = [
    ("Principal Cloud Architect", "cloud-computing"),
    (
        "In the department developers, cloud engineers and product owners work together.",
        "cloud-computing",
    ),
    (
        "We are developing an AI that will support all developers in their daily work.",
        "artificial-intelligence",
    ),
    (
        "If you're a backend developer you'll be expected to have substantial knowledge of:",
        "backend-development",
    ),
    ("BACKEND ENGINEER", "backend-development"),
    (
        "If you're a frontend developer you'll be expected to have substantial knowledge of:",
        "frontend-development",
    ),
    (
        "You will join a team of experienced backend and full stack developers.",
        "full-stack-development",
    ),
    ("The Director will contribute to the Strategic Partnership Agreement (SPA).", "spa"),
    ("From our landing page to the customer's front door.", "azure-front-door"),
    ("Live the startup adventure thanks to events and networking opportunities.", "networking"),
    (
        "Expertise from target identification to high-throughput protein production.",
        "throughput-metric",
    ),
    ("Closer monitoring of the disease should lead to safer treatments.", "observability"),
    ("Our HR policy results in high retention rates.", "churn-rate"),
    ("We bias towards using Open Source tools where possible.", "open-source"),
    ("The specific requirements regarding the documentation can be found here.", "documentation"),
    ("Working in a fun, collaborative and flexible environment.", "teamwork"),
    ("We have a range of international collaborations and strong contacts.", "collaboration"),
    ("You can influence the team's ways of working.", "influencing"),
]

GENERIC_SKILLS = [
    ("Migrated on-premise workloads to the cloud with Terraform.", "cloud-computing"),
    ("Skills: Cloud, Kubernetes, Terraform", "cloud-computing"),
    ("Built AI features with LLMs and retrieval-augmented generation.", "artificial-intelligence"),
    ("Artificial intelligence and machine learning research.", "artificial-intelligence"),
    ("Designed backend services and REST APIs in Go.", "backend-development"),
    ("Profiling and debugging frontend and backend performance.", "backend-development"),
    ("Built the frontend in React and TypeScript.", "frontend-development"),
    ("Full-stack development with React and Node.js.", "full-stack-development"),
    ("Built an SPA in Angular with lazy-loaded modules.", "spa"),
    ("Served the site through Azure Front Door with a WAF policy.", "azure-front-door"),
    ("Configured networking for the VPC: subnets, routing and DNS.", "networking"),
    ("Raised inference throughput by 3x while keeping p99 latency flat.", "throughput-metric"),
    ("Set up monitoring and alerting for production services.", "observability"),
    ("Improved customer retention rate by 4 points with churn models.", "churn-rate"),
    ("Regular contributor to open source projects on GitHub.", "open-source"),
    ("Wrote API documentation and runbooks for the platform team.", "documentation"),
    ("A collaborative engineer who works closely with product and design teams.", "teamwork"),
    ("Analyse business requirements in close collaboration with stakeholders.", "collaboration"),
    ("Influence senior stakeholders and the product roadmap.", "influencing"),
]


class TestGenericWords:
    """Generic words count as skills only with a technical neighbour, never as titles or blurb."""

    @pytest.mark.parametrize(("text", "skill_id"), GENERIC_NOT_SKILLS)
    def test_not_found(self, text: str, skill_id: str) -> None:
        """The everyday or title use does not yield the skill."""
        assert skill_id not in skill_ids(text)

    @pytest.mark.parametrize(("text", "skill_id"), GENERIC_SKILLS)
    def test_found(self, text: str, skill_id: str) -> None:
        """The technical use still yields the skill."""
        assert skill_id in skill_ids(text)


class TestRemappedForms:
    """Phrases that named the wrong entry before 2026.11.1 now reach the right one, or none."""

    @pytest.mark.parametrize(
        ("text", "right", "wrong"),
        [
            ("Prior experience in mass spectrometry is a plus.", "mass-spectrometry", "proteomics"),
            ("Demos of Microsoft Dynamics 365 Customer Insights.", "microsoft-dynamics-365", "crm"),
            (
                "Planned social engineering tests for the red team.",
                "social-engineering",
                "phishing",
            ),
            ("Maintained the Data Catalog and its metadata.", "data-catalog", "data-governance"),
        ],
    )
    def test_right_entry(self, text: str, right: str, wrong: str) -> None:
        """The phrase yields its own entry and not the neighbour it used to be filed under."""
        found = skill_ids(text)
        assert right in found
        assert wrong not in found

    @pytest.mark.parametrize(
        ("text", "skill_id"),
        [
            ("Combining machine learning with near real-time insights.", "real-time-analytics"),
            ("The company delivers the digitization of public services.", "digital-transformation"),
            ("Up to 2 days a week of remote work.", "remote-collaboration"),
            ("We foster knowledge sharing through webinars and outreach.", "teaching"),
        ],
    )
    def test_dropped_alias(self, text: str, skill_id: str) -> None:
        """A phrase that only described the work no longer names a skill."""
        assert skill_id not in skill_ids(text)

    def test_java_ee_apis(self) -> None:
        """ "JAX-WS" is the SOAP API, not Google's JAX; the singular "Servlet" names Servlets."""
        found = skill_ids("Java EE 7: EJB, JAX-WS, JAX-RS and Servlet filters.")
        assert {"soap-protocol", "jax-rs", "java-servlets"} <= found
        assert "jax" not in found

    def test_parents_keep_the_family(self) -> None:
        """Phishing is a kind of social engineering; Dynamics 365 implements CRM."""
        from atsmatch import load_taxonomy

        tax = load_taxonomy()
        assert "social-engineering" in tax.ancestors("phishing")
        assert "crm" in tax.ancestors("microsoft-dynamics-365")
